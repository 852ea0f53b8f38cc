package app

import (
	"image"

	"github.com/hunch-posture/hunch/monitor"
)

// CalibrationPhase is where the calibration stands.
type CalibrationPhase int

// The phases of a calibration.
const (
	// Preparing: the checks must all pass before the countdown starts.
	Preparing CalibrationPhase = iota
	Countdown
	Capturing
	// SlouchOffer: upright is captured; the user may now show their slouch
	// (SlouchCountdown, SlouchCapturing) or skip it.
	SlouchOffer
	SlouchCountdown
	SlouchCapturing
	Calibrated
	Failed
)

// Check is one live condition for a good calibration.
type Check struct {
	Name string
	OK   bool
	// Hint says what to do when it fails.
	Hint string
}

// CalibrationView is one moment of the calibration screen.
type CalibrationView struct {
	Obs monitor.Observation
	// Frame is the camera picture, when the source offers one.
	Frame  image.Image
	Checks []Check
	Phase  CalibrationPhase
	// Left is the whole seconds left of the countdown; Progress the share of
	// the capture done (0..1).
	Left     int
	Progress float64
	// Result is the outcome in a sentence (Calibrated or Failed).
	Result string
	// CanStart is set while preparing when every check holds: Start may be
	// pressed.
	CanStart bool
}

// ShowCalibration opens the calibration screen (the app then sends
// CalibrationViews).
type ShowCalibration struct{ Reason string }

func (ShowCalibration) event() {}
func (CalibrationView) event() {}
