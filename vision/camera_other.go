//go:build !linux

package vision

// openDirectCamera: only Linux cameras are read directly (V4L2); elsewhere
// OpenCV's capture reads them.
func openDirectCamera(int, string, float64) (frameSource, error) { return nil, errNotDirect }
