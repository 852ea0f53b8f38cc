package desktop

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestCamerasAreListedByTheirDriversNames(t *testing.T) {
	root := t.TempDir()
	for dir, name := range map[string]string{"video10": "USB Webcam\n", "video0": "Integrated Camera: Integrated C\n", "video2": ""} {
		os.MkdirAll(filepath.Join(root, dir), 0o755)
		if name != "" {
			os.WriteFile(filepath.Join(root, dir, "name"), []byte(name), 0o644)
		}
	}
	os.MkdirAll(filepath.Join(root, "videoX"), 0o755) // not a device
	// A webcam's two nodes: the picture (index 0) and its metadata (index 1).
	for dir, index := range map[string]string{"video4": "0\n", "video5": "1\n"} {
		os.MkdirAll(filepath.Join(root, dir), 0o755)
		os.WriteFile(filepath.Join(root, dir, "name"), []byte("HD Webcam C270\n"), 0o644)
		os.WriteFile(filepath.Join(root, dir, "index"), []byte(index), 0o644)
	}
	got := camerasIn(root)
	want := []Camera{{0, "Integrated Camera: Integrated C"}, {2, ""}, {4, "HD Webcam C270"}, {10, "USB Webcam"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cameras %+v, want %+v", got, want)
	}
	if got[0].Label() != "Integrated Camera: Integrated C (0)" || got[1].Label() != "Camera 2" {
		t.Errorf("labels %q, %q", got[0].Label(), got[1].Label())
	}
	if len(camerasIn(filepath.Join(root, "none"))) != 0 {
		t.Error("cameras found where there is no sysfs")
	}
}
