package vision

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func TestCamerasAreNumberedByTheirDeviceNotTheirPlaceInTheList(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"video10", "video2", "video0", "videoX", "vbi0"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := cameraDevicesIn(dir)
	want := []int{0, 2, 10}
	if len(got) != len(want) {
		t.Fatalf("devices %+v, want indexes %v", got, want)
	}
	for i, d := range got {
		if d.Index != want[i] || filepath.Base(d.Path) != "video"+strconv.Itoa(want[i]) {
			t.Errorf("device %d: %+v, want /dev/video%d as index %d", i, d, want[i], want[i])
		}
	}
}
