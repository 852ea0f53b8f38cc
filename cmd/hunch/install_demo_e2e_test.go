//go:build !front

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A new user with no camera installs Hunch (make install's script, into a
// temporary home), starts it with no Go toolchain on PATH and an empty module
// cache, and presses "Watch the demo" in the status window: a slouch
// notification must reach the desktop's notification daemon.
func TestTheInstalledAppPlaysTheDemoWithNoToolchain(t *testing.T) {
	if os.Getenv("HUNCH_TEST_DESKTOP") != "1" {
		t.Skip("needs a desktop (Xvfb, a D-Bus session, dunst): run it with scripts/with-desktop.sh go test, as make test does")
	}
	desktopTools(t, "go", "dbus-monitor", "xdotool", "import")
	if _, err := os.Stat("/dev/video0"); err == nil {
		t.Skip("this machine has a camera: the app would watch it instead of offering the demo")
	}
	tmp := t.TempDir()
	home := filepath.Join(tmp, "home")
	installed := filepath.Join(home, ".local", "bin", "hunch")
	install := exec.Command("../../scripts/install.sh", buildHunch(t, tmp))
	install.Env = append(os.Environ(), "HOME="+home, "PREFIX="+filepath.Join(home, ".local"), "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"))
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("install: %v\n%s", err, out)
	}

	bus := notifications(t)

	var out lines
	app := exec.Command(installed)
	app.Env = []string{"HOME=" + home, "PATH=/usr/bin:/bin", "GOMODCACHE=" + filepath.Join(tmp, "empty-modcache"),
		"TMPDIR=" + filepath.Join(tmp, "tmp"), "LANG=en_GB.UTF-8"}
	os.MkdirAll(filepath.Join(tmp, "tmp"), 0o700)
	for _, k := range []string{"DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "XAUTHORITY"} {
		if v, ok := os.LookupEnv(k); ok {
			app.Env = append(app.Env, k+"="+v)
		}
	}
	if _, err := exec.LookPath("/usr/bin/go"); err == nil {
		t.Fatal("go is in /usr/bin: the test cannot take the toolchain off PATH")
	}
	app.Stdout, app.Stderr = &out, &out
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { app.Process.Kill(); app.Wait() }()

	// The status window says there is no camera and offers the demo: press
	// its first button, as a user clicks it.
	var id string
	if !waitFor(30*time.Second, func() bool { id = windowID("^Hunch$"); return id != "" }) {
		t.Fatalf("no status window:\n%s", out.String())
	}
	time.Sleep(3 * time.Second) // the camera is looked for, and the offer shown
	// The app watching for a camera is hunch-camera; the demo is played by
	// hunch-watch, which it hands the app to, in the same process.
	if exe := runningProgram(app.Process.Pid); exe != "hunch-camera" {
		t.Errorf("the app runs in %q, want hunch-camera", exe)
	}
	// "Watch the demo" is the first button of the bottom row (see status.png).
	if out, err := exec.Command("xdotool", "mousemove", "--window", id, "70", "234", "click", "1").CombinedOutput(); err != nil {
		t.Fatalf("click: %v %s", err, out)
	}
	if !waitFor(90*time.Second, func() bool { return strings.Contains(bus.String(), "Sit up") }) {
		t.Fatalf("no slouch notification from the demo; app:\n%s\nbus:\n%s", out.String(), bus.String())
	}
	if strings.Contains(out.String(), "cannot start") {
		t.Errorf("the demo complained:\n%s", out.String())
	}
	if exe := runningProgram(app.Process.Pid); exe != "hunch-watch" {
		t.Errorf("the demo runs in %q, want hunch-watch", exe)
	}
	id = windowID("^Hunch$") // hunch-watch's own window
	// The slouch's timer counts on in the window while Fyne's loop rests
	// between statuses (the status window is calm): raised above the
	// notification, then read without touching it once the loop may rest
	// again, the window must change.
	if out, err := exec.Command("xdotool", "windowraise", id).CombinedOutput(); err != nil {
		t.Errorf("raise the status window: %v %s", err, out)
	}
	time.Sleep(3 * time.Second)
	if n := distinctPictures(t, id, 10, 500*time.Millisecond); n < 2 {
		t.Errorf("the status window showed %d different pictures in 5 s of the demo's slouch, want 2 or more: it did not repaint while resting", n)
	}
	shots, _ := filepath.Abs(screenshotDir)
	os.MkdirAll(shots, 0o755)
	screenshot(t, "^Hunch$", shots, "status-demo")
}

// distinctPictures reads what window id shows n times, every, without
// raising it, and counts the different pictures.
func distinctPictures(t *testing.T, id string, n int, every time.Duration) int {
	t.Helper()
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		b, err := exec.Command("import", "-window", id, "rgb:-").Output()
		if err == nil {
			seen[string(b)] = true
		} else {
			t.Logf("read window %s: %v", id, err)
		}
		time.Sleep(every)
	}
	return len(seen)
}

// runningProgram is the file name of the program process pid runs.
func runningProgram(pid int) string {
	exe, err := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
	if err != nil {
		return err.Error()
	}
	return filepath.Base(exe)
}
