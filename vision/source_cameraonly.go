//go:build cameraonly

package vision

import "fmt"

// The camera-only build reads cameras through V4L2 alone: recordings and
// picture sequences, which need OpenCV's videoio and imgcodecs, are left to
// the whole of Hunch.

// openFile says that this build reads no recordings.
func openFile(path string, _ float64, _ bool) (frameSource, error) {
	return nil, fmt.Errorf("open input %s: %w", path, ErrNotInThisBuild)
}
