//go:build !front

package main

import (
	"debug/elf"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestTheWatchBinaryLinksOnlyTheOpenCVModulesItCalls: hunch-watch as make
// build makes it loads none of OpenCV's modules that Hunch never calls
// (highgui's Qt5, photo, video, ...): each would load its libraries into
// every process, about 8 MB in all.
func TestTheWatchBinaryLinksOnlyTheOpenCVModulesItCalls(t *testing.T) {
	dir := t.TempDir()
	buildHunch(t, dir)
	f, err := elf.Open(filepath.Join(dir, "hunch-watch"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	var opencv []string
	for _, l := range libs {
		if strings.HasPrefix(l, "libopencv_") {
			opencv = append(opencv, strings.TrimSuffix(strings.TrimPrefix(l, "libopencv_"), ".so.406"))
		}
	}
	sort.Strings(opencv)
	want := "calib3d core dnn features2d imgcodecs imgproc objdetect videoio"
	if got := strings.Join(opencv, " "); got != want {
		t.Errorf("hunch-watch loads OpenCV's %s, want only %s", got, want)
	}
}
