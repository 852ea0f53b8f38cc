//go:build !front

package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTheCameraBuildLinksNoOpenCVFileReaders: hunch-camera, which watches a
// camera all day, loads neither videoio nor imgcodecs, and so none of the
// libraries they pull in (FFmpeg, GStreamer, GDAL, ...).
func TestTheCameraBuildLinksNoOpenCVFileReaders(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	camera, whole := filepath.Join(dir, cameraBinary), filepath.Join(dir, watchBinary)
	if got, want := openCVModules(t, camera), "calib3d core dnn features2d imgproc objdetect"; got != want {
		t.Errorf("hunch-camera loads OpenCV's %s, want only %s", got, want)
	}
	_, cameraLibs, err := checkLibraries(camera, librarySearchDirs())
	if err != nil {
		t.Fatal(err)
	}
	_, wholeLibs, err := checkLibraries(whole, librarySearchDirs())
	if err != nil {
		t.Fatal(err)
	}
	if cameraLibs*3 > wholeLibs {
		t.Errorf("hunch-camera needs %d libraries in all, hunch-watch %d: want under a third", cameraLibs, wholeLibs)
	}
}

// standIn puts a script in place of the program at path that says its PID
// and arguments and exits 3.
func standIn(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("#!/bin/sh\necho \"$$ $*\"\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// ranInItsPlace checks that cmd ran the stand-in, in the same process, with
// the arguments want.
func ranInItsPlace(t *testing.T, cmd *exec.Cmd, want string) {
	t.Helper()
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 {
		t.Errorf("%q: %v; want the stand-in's exit code 3", cmd.Args[1:], err)
		return
	}
	pid, args, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if pid != strconv.Itoa(cmd.Process.Pid) || args != want {
		t.Errorf("%q: the stand-in said %q; want PID %d (the same process) and %q", cmd.Args[1:], out, cmd.Process.Pid, want)
	}
}

// TestTheCameraBuildHandsWhatItCannotReadToTheWholeBuild: the real
// hunch-camera, given a recording or a command it leaves out, runs
// hunch-watch (a stand-in here) in its place with the same command line.
func TestTheCameraBuildHandsWhatItCannotReadToTheWholeBuild(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	standIn(t, filepath.Join(dir, watchBinary))
	camera := filepath.Join(dir, cameraBinary)
	for _, args := range [][]string{
		{"analyze", "--input", "a clip.mp4", "--json"},
		{"calibrate", "--input=frames/%04d.jpg", "--out", "profile.json"},
		{"eval", "--shared", "../shared"},
	} {
		ranInItsPlace(t, exec.Command(camera, args...), strings.Join(args, " "))
	}
}

// TestTheCameraBuildsAppHandsTheDemoToTheWholeBuild: the camera-only app
// cannot play the demo; it closes and starts hunch-watch's app with the
// same command line and --demo once.
func TestTheCameraBuildsAppHandsTheDemoToTheWholeBuild(t *testing.T) {
	if os.Getenv("HUNCH_TEST_DESKTOP") != "1" {
		t.Skip("needs a desktop (Xvfb, a D-Bus session, dunst): run it with scripts/with-desktop.sh go test, as make test does")
	}
	tmp := t.TempDir()
	buildHunch(t, tmp)
	standIn(t, filepath.Join(tmp, watchBinary))
	for _, c := range []struct{ args, want string }{
		{"--demo --onset 5s", "app --demo --onset 5s"},
		{"app --onset 5s --demo", "app --onset 5s --demo"},
	} {
		args := append(strings.Fields(c.args), "--data-dir", filepath.Join(tmp, "history"))
		app := exec.Command(filepath.Join(tmp, cameraBinary), args...)
		app.Env = appEnv(filepath.Join(tmp, "home"))
		ranInItsPlace(t, app, c.want+" --data-dir "+filepath.Join(tmp, "history"))
	}
}
