//go:build !front

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

// TestTheFrontsDoctorChecksHunchWatchWithoutStartingIt: 'hunch doctor' is
// the front's own; it finds every library hunch-camera and hunch-watch need
// without loading OpenCV, and names the one that is missing.
func TestTheFrontsDoctorChecksHunchWatchWithoutStartingIt(t *testing.T) {
	dir := t.TempDir()
	front := buildHunch(t, dir)
	watch := filepath.Join(dir, "hunch-watch")
	// Not executable: the front must read it, not run it.
	if err := os.Chmod(watch, 0o644); err != nil {
		t.Fatal(err)
	}
	v := strings.Split(vision.OpenCVVersion(), ".")
	out, _ := exec.Command(front, "doctor").Output() // exit 1 on a machine without a camera
	lines := strings.Split(string(out), "\n")
	if !strings.HasPrefix(lines[0], "✓ OpenCV         OpenCV "+v[0]+"."+v[1]+", with the ") || !strings.HasSuffix(lines[0], "libraries hunch-watch needs, all installed") ||
		!strings.Contains(lines[0], " libraries hunch-camera needs and the ") ||
		!strings.HasPrefix(lines[1], "· models ") || !strings.Contains(lines[2], " cameras ") {
		t.Errorf("front doctor:\n%s", out)
	}

	// hunch-watch naming a library that does not exist, in the place of dnn.
	body, err := os.ReadFile(watch)
	if err != nil {
		t.Fatal(err)
	}
	libs, _, err := neededLibraries(watch)
	if err != nil {
		t.Fatal(err)
	}
	dnn := ""
	for _, l := range libs {
		if strings.HasPrefix(l, "libopencv_dnn.so.") {
			dnn = l
		}
	}
	if dnn == "" {
		t.Fatalf("hunch-watch does not link dnn: %v", libs)
	}
	gone := strings.Replace(dnn, "dnn", "dnx", 1)
	if err := os.WriteFile(watch, bytes.ReplaceAll(body, []byte(dnn), []byte(gone)), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ = exec.Command(front, "doctor").Output()
	want := "✗ OpenCV         " + gone + " is missing, and hunch-watch cannot start without it; install it with 'sudo apt-get install libopencv-dnx" + strings.TrimPrefix(dnn, "libopencv_dnn.so.") + "'"
	if first, _, _ := strings.Cut(string(out), "\n"); !strings.HasPrefix(first, want) {
		t.Errorf("front doctor with %s missing:\n%s\nwant the first line to start %q", gone, out, want)
	}
}

// TestALibraryMissingTwoStepsAwayIsNamed: a library that only one of the
// program's libraries needs stops the program too, so doctor looks there.
func TestALibraryMissingTwoStepsAwayIsNamed(t *testing.T) {
	dirs := librarySearchDirs()
	dnn := ""
	for _, d := range dirs {
		if m, _ := filepath.Glob(filepath.Join(d, "libopencv_dnn.so.*.*")); len(m) > 0 {
			dnn = m[0]
			break
		}
	}
	if dnn == "" {
		t.Fatalf("no libopencv_dnn in %v; run 'make deps-test'", dirs)
	}
	if v, n, err := checkLibraries(dnn, dirs); err != nil || !strings.HasPrefix(v, "OpenCV ") || n < 10 {
		t.Fatalf("every library of %s: %q, %d, %v", dnn, v, n, err)
	}
	direct, _, err := neededLibraries(dnn)
	if err != nil {
		t.Fatal(err)
	}
	isDirect := map[string]bool{}
	for _, l := range direct {
		isDirect[l] = true
	}
	// The first library one of dnn's libraries needs and dnn itself does not.
	farther := ""
	for _, l := range direct {
		more, _, _ := neededLibraries(findLibrary(l, dirs))
		for _, m := range more {
			if !isDirect[m] && farther == "" {
				farther = m
			}
		}
	}
	if farther == "" {
		t.Fatalf("none of %s's libraries needs another", dnn)
	}
	// A loader folder holding everything but that one library.
	only := t.TempDir()
	for _, d := range dirs {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != farther {
				_ = os.Symlink(filepath.Join(d, e.Name()), filepath.Join(only, e.Name())) // the loader's first folder wins
			}
		}
	}
	_, _, err = checkLibraries(dnn, []string{only})
	if err == nil || !strings.HasPrefix(err.Error(), farther+" is missing") || !strings.Contains(err.Error(), "make deps") {
		t.Errorf("with %s missing: %v", farther, err)
	}
}

func TestLdSoConfIsReadWithItsIncludes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "conf.d"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("ld.so.conf", "# the system's\n/opt/first\ninclude conf.d/*.conf\n  /opt/last  # trailing\n")
	write("conf.d/a.conf", "/opt/a\ninclude "+filepath.Join(dir, "ld.so.conf")+"\n") // a loop
	write("conf.d/b.txt", "/opt/not-a-conf\n")
	if got := strings.Join(ldSoConfDirs(filepath.Join(dir, "ld.so.conf"), map[string]bool{}), " "); got != "/opt/first /opt/a /opt/last" {
		t.Errorf("dirs: %s; want /opt/first /opt/a /opt/last", got)
	}
}

// TestDoctorSaysWhichCamerasAreCalibrated: none is how Hunch starts, not a
// problem; each saved calibration is named with its day; a damaged one is
// a problem that says to recalibrate.
func TestDoctorSaysWhichCamerasAreCalibrated(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	calibration := func() string {
		out, _, _ := runCmd(t, "doctor")
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, " calibration ") {
				return l
			}
		}
		t.Fatalf("doctor says nothing of the calibration:\n%s", out)
		return ""
	}
	if got := calibration(); !strings.HasPrefix(got, "· calibration    none yet;") {
		t.Errorf("with none: %q", got)
	}
	b := monitor.Baseline{FaceSize: 0.3, FaceHeight: 0.4, Width: 640, Height: 480}
	created := time.Date(2026, 12, 3, 12, 0, 0, 0, time.Local)
	for cam, sample := range map[int]*monitor.Features{2: {HeadDrop: 0.4}, 10: nil} {
		b.SlouchSample = sample
		path, err := monitor.CameraProfilePath(cam)
		if err != nil {
			t.Fatal(err)
		}
		if err := monitor.SaveProfile(path, monitor.Profile{Created: created, Source: "camera", Baseline: b}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := calibration(), "✓ calibration    camera 2 (3 Dec 2026, with your slouch), camera 10 (3 Dec 2026)"; got != want {
		t.Errorf("with two:\n%q, want\n%q", got, want)
	}
	broken, _ := monitor.CameraProfilePath(1)
	if err := os.WriteFile(broken, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := calibration(); !strings.HasPrefix(got, "✗ calibration    profile "+broken) || !strings.Contains(got, "recalibrate") {
		t.Errorf("with a damaged one: %q", got)
	}
}
