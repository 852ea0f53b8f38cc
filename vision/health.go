package vision

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gocv.io/x/gocv"
)

// OpenCVVersion is the version of the OpenCV library Hunch runs on.
func OpenCVVersion() string { return gocv.OpenCVVersion() }

// CameraDevice is one video capture device: its path and the index that
// opens it (N of /dev/videoN).
type CameraDevice struct {
	Path  string
	Index int
}

// CameraDevices lists the video capture devices the system offers
// (/dev/video* on Linux) in index order; opening them is up to the caller.
func CameraDevices() []CameraDevice { return cameraDevicesIn("/dev") }

// cameraDevicesIn lists the videoN devices in dir, by N: /dev/video10 is
// index 10 however many devices come before it, and gaps stay gaps.
func cameraDevicesIn(dir string) []CameraDevice {
	paths, _ := filepath.Glob(filepath.Join(dir, "video*"))
	var devs []CameraDevice
	for _, p := range paths {
		n, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(p), "video"))
		if err == nil && n >= 0 {
			devs = append(devs, CameraDevice{Path: p, Index: n})
		}
	}
	sort.Slice(devs, func(i, j int) bool { return devs[i].Index < devs[j].Index })
	return devs
}

// CheckCamera opens camera index i, reads one frame and releases it,
// reporting the frame size.
func CheckCamera(i int) (string, error) {
	c, err := gocv.OpenVideoCaptureWithAPI(i, gocv.VideoCaptureV4L2)
	if err != nil || !c.IsOpened() {
		if c != nil {
			c.Close()
		}
		return "", fmt.Errorf("camera %d cannot be opened: %w, or not a camera", i, ErrCameraBusy)
	}
	defer c.Close()
	m := gocv.NewMat()
	defer m.Close()
	if !c.Read(&m) || m.Empty() {
		return "", fmt.Errorf("camera %d opened but gave no picture", i)
	}
	return fmt.Sprintf("%dx%d", m.Cols(), m.Rows()), nil
}
