package vision

import "gocv.io/x/gocv"

// OpenCVVersion is the version of the OpenCV library Hunch runs on.
func OpenCVVersion() string { return gocv.OpenCVVersion() }
