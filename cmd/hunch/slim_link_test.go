//go:build !front

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// openCVModules are the OpenCV modules the program at path links, by name,
// sorted and space-separated ("core dnn ...").
func openCVModules(t *testing.T, path string) string {
	t.Helper()
	libs, _, err := neededLibraries(path)
	if err != nil {
		t.Fatal(err)
	}
	var opencv []string
	for _, l := range libs {
		if strings.HasPrefix(l, "libopencv_") {
			name, _, _ := strings.Cut(strings.TrimPrefix(l, "libopencv_"), ".so")
			opencv = append(opencv, name)
		}
	}
	sort.Strings(opencv)
	return strings.Join(opencv, " ")
}

// TestTheWatchBinaryLinksOnlyTheOpenCVModulesItCalls: hunch-watch as make
// build makes it loads none of OpenCV's modules that Hunch never calls
// (highgui's Qt5, photo, video, ...): each would load its libraries into
// every process, about 8 MB in all.
func TestTheWatchBinaryLinksOnlyTheOpenCVModulesItCalls(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	want := "calib3d core dnn features2d imgcodecs imgproc objdetect videoio"
	if got := openCVModules(t, filepath.Join(dir, "hunch-watch")); got != want {
		t.Errorf("hunch-watch loads OpenCV's %s, want only %s", got, want)
	}
}

// fyneEmojiFont is the name Fyne gives its bundled colour emoji font, which
// its no_emoji build tag leaves out.
const fyneEmojiFont = "EmojiOneColor.otf"

// TestTheProgramsThatShowWindowsLeaveOutFynesEmojiFont: hunch-watch and
// hunch-camera as make build makes them carry no emoji font, which no text of
// Hunch's uses and which Fyne would otherwise parse for every text style it
// draws (about 11 MB of memory in a process with a window).
func TestTheProgramsThatShowWindowsLeaveOutFynesEmojiFont(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	for _, name := range []string{watchBinary, cameraBinary} {
		program, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(program, []byte(fyneEmojiFont)) {
			t.Errorf("%s embeds Fyne's %s: build it with the no_emoji tag (scripts/build-watch.sh)", name, fyneEmojiFont)
		}
	}
}
