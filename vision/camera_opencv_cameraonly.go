//go:build cameraonly

package vision

import "fmt"

// openOpenCVCamera: the camera-only build has no OpenCV capture, so a camera
// that V4L2 cannot read here (another picture format, other systems) is
// left to the whole build.
func openOpenCVCamera(_ int, name string, _ float64) (frameSource, error) {
	return nil, fmt.Errorf("open %s: %w", name, ErrNotInThisBuild)
}
