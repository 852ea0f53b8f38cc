package gui

import "github.com/hunch-posture/hunch/app"

// The app's values the GUI renders and the settings it edits (see package
// app), under the names the GUI has always used.
type (
	Mode             = app.Mode
	Status           = app.Status
	CalibrationPhase = app.CalibrationPhase
	Check            = app.Check
	CalibrationView  = app.CalibrationView
	ShowCalibration  = app.ShowCalibration
	AlertEvent       = app.AlertEvent
	HistoryChanged   = app.HistoryChanged
	Prefs            = app.Prefs
	Event            = app.Event
)

// The modes and the calibration's phases.
const (
	ModeNeedsCalibration = app.ModeNeedsCalibration
	ModeUpright          = app.ModeUpright
	ModeSlouching        = app.ModeSlouching
	ModeAway             = app.ModeAway
	ModePaused           = app.ModePaused

	Preparing       = app.Preparing
	Countdown       = app.Countdown
	Capturing       = app.Capturing
	SlouchOffer     = app.SlouchOffer
	SlouchCountdown = app.SlouchCountdown
	SlouchCapturing = app.SlouchCapturing
	Calibrated      = app.Calibrated
	Failed          = app.Failed
)
