package app

import (
	"errors"

	"github.com/hunch-posture/hunch/vision"
)

// The camera-only build (hunch-camera) reads cameras through V4L2 and links
// none of OpenCV's file readers: the demo clip, recordings and a camera only
// OpenCV's capture reads are the whole build's (hunch-watch). When the app
// meets one of them it ends, and its command starts the whole build in its
// place with the same command line (and --demo when the demo was asked for).

// handOver is why the app ended for the whole build.
type handOver struct {
	demo bool // the user asked for the demo
}

// handsOver ends the app for the whole build when err says this build cannot
// read the source, and reports whether it did.
func (e *Engine) handsOver(err error, demo bool) bool {
	if !errors.Is(err, vision.ErrNotInThisBuild) {
		return false
	}
	e.mu.Lock()
	e.handOver = &handOver{demo: demo}
	e.mu.Unlock()
	e.quit()
	return true
}

// HandedOver reports whether the app ended so that Hunch's whole build takes
// over, and whether that is to play the demo; the app's command then starts
// it (after Run has returned).
func (e *Engine) HandedOver() (handedOver, demo bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.handOver == nil {
		return false, false
	}
	return true, e.handOver.demo
}
