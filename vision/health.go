package vision

import (
	"fmt"

	"gocv.io/x/gocv"
)

// OpenCVVersion is the version of the OpenCV library Hunch runs on.
func OpenCVVersion() string { return gocv.OpenCVVersion() }

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
