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
	got := camerasIn(root)
	want := []Camera{{0, "Integrated Camera: Integrated C"}, {2, ""}, {10, "USB Webcam"}}
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
