package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStartAtLoginWritesAnAutostartEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "autostart", "hunch.desktop")
	if err := SetAutostart(path, "/usr/bin/hunch", true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "Exec=/usr/bin/hunch\n") || !strings.HasPrefix(string(b), "[Desktop Entry]\n") {
		t.Errorf("entry:\n%s", b)
	}
	if err := SetAutostart(path, "/usr/bin/hunch", false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("turning it off left the entry")
	}
}

// TestTheAutostartEntryStartsHunchWhereverItIs: Hunch installed in a folder
// whose name has a space, quotes, a dollar, a backslash or a percent sign is still started
// by its entry, as GLib (what GNOME and Xfce start autostart entries with)
// reads it: gio launch runs the entry's Exec, which must name the program
// whole.
func TestTheAutostartEntryStartsHunchWhereverItIs(t *testing.T) {
	gio, err := exec.LookPath("gio")
	if err != nil {
		t.Fatal("gio is missing; install the test's packages with 'make deps-test'")
	}
	for _, folder := range []string{"plain", "My Programs", `it's "hunch"`, "$HOME", `back\slash`, "semi;colon`tick`", "100%", "50% off"} {
		dir := filepath.Join(t.TempDir(), folder)
		exe, ran := filepath.Join(dir, "hunch"), filepath.Join(t.TempDir(), "ran")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(exe, []byte("#!/bin/sh\necho \"$0\" > \"$HUNCH_RAN\"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		entry := filepath.Join(t.TempDir(), "hunch.desktop")
		if err := SetAutostart(entry, exe, true); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(gio, "launch", entry)
		cmd.Env = append(os.Environ(), "HUNCH_RAN="+ran)
		if out, err := cmd.CombinedOutput(); err != nil {
			b, _ := os.ReadFile(entry)
			t.Errorf("%q: gio launch: %v: %s\n%s", folder, err, out, b)
			continue
		}
		if got := waitForFile(ran, 5*time.Second); got != exe+"\n" {
			b, _ := os.ReadFile(entry)
			t.Errorf("%q: the entry started %q, want %q\n%s", folder, got, exe, b)
		}
	}
}

// waitForFile returns the file's contents once it has some, or "" after d.
func waitForFile(path string, d time.Duration) string {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return string(b)
		}
	}
	return ""
}

// TestQuickStartAtLoginChangesEndAsTheSettingsShow: the entry is written
// off the GUI's goroutine; after quick changes it is as the last change has
// it, whichever write ran first.
func TestQuickStartAtLoginChangesEndAsTheSettingsShow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path, err := AutostartPath()
	if err != nil {
		t.Fatal(err)
	}
	e := testEngine(t)
	for _, last := range []bool{false, true, false} {
		p := e.prefs
		for i := 0; i < 20; i++ {
			p.StartAtLogin = i%2 == 0
			e.ApplySettings(p)
		}
		p.StartAtLogin = last
		e.ApplySettings(p)
		e.autostartWrites.Wait() // the writes run on goroutines of their own
		if _, err := os.Stat(path); (err == nil) != last {
			t.Errorf("after changes ending with Start at login %v, the entry exists: %v", last, err == nil)
		}
	}
}

// TestALoginStartsTheFrontNotTheBuildThatRuns: the app runs as hunch-camera
// (or hunch-watch after the demo), but a login starts hunch, the front,
// when it is installed beside them.
func TestALoginStartsTheFrontNotTheBuildThatRuns(t *testing.T) {
	dir := t.TempDir()
	camera, front := filepath.Join(dir, "hunch-camera"), filepath.Join(dir, "hunch")
	if err := os.WriteFile(camera, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Launcher(camera); got != camera {
		t.Errorf("with no front beside it: %q, want %q itself", got, camera)
	}
	if err := os.WriteFile(front, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Launcher(camera); got != camera {
		t.Errorf("with a front that cannot run: %q, want %q itself", got, camera)
	}
	if err := os.Chmod(front, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, exe := range []string{camera, filepath.Join(dir, "hunch-watch")} {
		if got := Launcher(exe); got != front {
			t.Errorf("Launcher(%q) = %q, want the front %q", exe, got, front)
		}
	}
}
