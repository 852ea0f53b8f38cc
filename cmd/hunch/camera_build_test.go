//go:build !front

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
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
// hunch-camera, given a recording other than a Motion-JPEG AVI (an MP4, a
// picture sequence) or a command it leaves out, runs hunch-watch (a
// stand-in here) in its place with the same command line.
func TestTheCameraBuildHandsWhatItCannotReadToTheWholeBuild(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	standIn(t, filepath.Join(dir, watchBinary))
	camera := filepath.Join(dir, cameraBinary)
	mp4 := filepath.Join(dir, "a clip.mp4")
	writeMP4(t, mp4)
	for _, args := range [][]string{
		{"analyze", "--input", mp4, "--json"},
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

// writeMP4 writes a short MPEG-4 clip of the embedded real webcam frame.
func writeMP4(t *testing.T, path string) {
	t.Helper()
	face, err := vision.FaceImagePath()
	if err != nil {
		t.Fatal(err)
	}
	m := gocv.IMRead(face, gocv.IMReadColor)
	defer m.Close()
	vw, err := gocv.VideoWriterFile(path, "mp4v", 5, m.Cols(), m.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if err := vw.Write(m); err != nil {
			t.Fatal(err)
		}
	}
	if err := vw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestTheCameraBuildReadsClipsAsTheWholeBuildDoes: hunch-camera reads a
// Motion-JPEG AVI clip itself (hunch-watch is a stand-in that would exit 3)
// and judges every frame of it exactly as hunch-watch, reading it through
// OpenCV's videoio before, does.
func TestTheCameraBuildReadsClipsAsTheWholeBuildDoes(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	script := []clips.Segment{{Kind: clips.Upright, Seconds: 6}, {Kind: clips.Slumped, Seconds: 8}, {Kind: clips.Upright, Seconds: 4}}
	clip, _ := generatedClip(t, 5, script, clips.Options{Jitter: 1, Noise: 3, Lighting: 0.1, Seed: 5})
	args := []string{"analyze", "--input", clip, "--json", "--fps", "2", "--calibrate", "4"}
	whole, err := exec.Command(filepath.Join(dir, watchBinary), args...).Output()
	if err != nil {
		t.Fatalf("hunch-watch %q: %v", args, err)
	}
	standIn(t, filepath.Join(dir, watchBinary))
	camera, err := exec.Command(filepath.Join(dir, cameraBinary), args...).Output()
	if err != nil {
		t.Fatalf("hunch-camera %q: %v (%s)", args, err, camera)
	}
	if lines := bytes.Count(whole, []byte("\n")); lines < 30 {
		t.Fatalf("hunch-watch judged %d frames of an 18 s clip at 2 a second", lines)
	}
	// The time each frame took is the one thing that may differ.
	timing := regexp.MustCompile(`"ms_per_frame":[0-9.]+`)
	camera, whole = timing.ReplaceAll(camera, nil), timing.ReplaceAll(whole, nil)
	if !bytes.Equal(camera, whole) {
		t.Errorf("hunch-camera's verdicts differ from hunch-watch's:\n%s\nwant\n%s", camera, whole)
	}
}
