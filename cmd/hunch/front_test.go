//go:build !front

package main

import (
	"context"
	"debug/buildinfo"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// buildFront builds the front alone (no hunch-watch beside it) into dir.
func buildFront(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "hunch")
	if out, err := exec.Command("go", "build", "-tags", "front", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -tags front: %v\n%s", err, out)
	}
	return bin
}

func TestTheFrontLinksNeitherOpenCVNorFyne(t *testing.T) {
	info, err := buildinfo.ReadFile(buildFront(t, t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range info.Deps {
		if strings.HasPrefix(m.Path, "gocv.io/") || strings.HasPrefix(m.Path, "fyne.io/") {
			t.Errorf("the front links %s: every command would load it", m.Path)
		}
	}
}

func TestTheFrontAnswersHelpAndReportsItself(t *testing.T) {
	dir := t.TempDir()
	front := buildFront(t, dir)
	var want, errOut strings.Builder
	run(context.Background(), []string{"--help"}, &want, &errOut)
	got, err := exec.Command(front, "--help").Output()
	if err != nil || string(got) != want.String() {
		t.Errorf("front --help (%v):\n%s\nwant, as the whole of Hunch says it:\n%s", err, got, want.String())
	}
	// report is the front's own: it runs with no hunch-watch beside it.
	cmd := exec.Command(front, "report", "--data-dir", filepath.Join(dir, "none"))
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "no history yet") || strings.Count(string(out), "\n") != 1 {
		t.Errorf("front report on an empty folder: %v, %q; want exit 1 and one line saying there is no history", err, out)
	}
}

func TestTheFrontHandsOtherCommandsToHunchWatchInItsPlace(t *testing.T) {
	dir := t.TempDir()
	front := buildFront(t, dir)
	out, err := exec.Command(front, "analyze", "--input", "x.mp4").CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "hunch-watch is missing beside") || strings.Count(string(out), "\n") != 1 {
		t.Errorf("without hunch-watch: %v, %q; want exit 1 and one line naming it", err, out)
	}
	// A stand-in says its PID and arguments and exits 3.
	stand := "#!/bin/sh\necho \"$$ $*\"\nexit 3\n"
	if err := os.WriteFile(filepath.Join(dir, "hunch-watch"), []byte(stand), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--demo", "--onset", "5s"}, {"analyze", "--input", "a clip.mp4"}, {"doctor", "--models"}} {
		cmd := exec.Command(front, args...)
		out, err := cmd.Output()
		if !errors.As(err, &exit) || exit.ExitCode() != 3 {
			t.Errorf("hunch %q: %v; want hunch-watch's exit code 3", args, err)
			continue
		}
		pid, rest, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
		if pid != strconv.Itoa(cmd.Process.Pid) || rest != strings.Join(args, " ") {
			t.Errorf("hunch %q: hunch-watch said %q; want PID %d (the same process) and the same arguments", args, out, cmd.Process.Pid)
		}
	}
}

// TestTheFrontSendsWhatWatchesACameraToHunchCamera: with hunch-camera
// installed, every command that watches a camera or reads a recording runs
// there (it hands on a recording it cannot read); what plays the demo, and
// eval and fit, run in hunch-watch.
func TestTheFrontSendsWhatWatchesACameraToHunchCamera(t *testing.T) {
	dir := t.TempDir()
	front := buildFront(t, dir)
	for _, name := range []string{"hunch-watch", "hunch-camera"} {
		stand := "#!/bin/sh\necho \"" + name + " $*\"\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(stand), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "hunch-camera"},
		{[]string{"--onset", "5s"}, "hunch-camera"},
		{[]string{"app", "--camera", "2"}, "hunch-camera"},
		{[]string{"analyze", "--camera", "0", "--json"}, "hunch-camera"},
		{[]string{"calibrate", "--out", "p.json"}, "hunch-camera"},
		{[]string{"doctor", "--models"}, "hunch-camera"},
		{[]string{"--demo"}, "hunch-watch"},
		{[]string{"app", "-demo=true"}, "hunch-watch"},
		{[]string{"analyze", "--input", "a.avi"}, "hunch-camera"},
		{[]string{"calibrate", "-input=frames/%04d.jpg", "--out", "p.json"}, "hunch-camera"},
		{[]string{"eval", "--shared", "../shared"}, "hunch-watch"},
		{[]string{"fit"}, "hunch-watch"},
		{[]string{"analyze", "--profile", "input"}, "hunch-camera"}, // a value, not the flag
	} {
		out, err := exec.Command(front, c.args...).Output()
		if want := strings.TrimSpace(c.want + " " + strings.Join(c.args, " ")); err != nil || strings.TrimSpace(string(out)) != want {
			t.Errorf("hunch %q ran %q (%v); want %q", c.args, out, err, want)
		}
	}
}
