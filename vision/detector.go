package vision

import (
	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// faceDetector finds faces in a BGR frame, in frame pixels, best first.
type faceDetector interface {
	Detect(img gocv.Mat) ([]monitor.Face, error)
	Close() error
}

// focuser is a detector that can look first around a known face.
type focuser interface {
	Focus(r monitor.Rect)
}
