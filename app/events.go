package app

import "github.com/hunch-posture/hunch/monitor"

// Event is what the app hands the GUI to show: Status, CalibrationView,
// ShowCalibration, AlertEvent or HistoryChanged. The GUI renders it; nothing
// in this package draws.
type Event interface{ event() }

// AlertEvent asks the GUI to alert the user: by desktop notification, or by
// the app's own alert window when no notification service answers.
type AlertEvent struct {
	Alert monitor.Alert
	Sound bool
	// Mode picks the icon of the notification (or the window).
	Mode Mode
	// Snooze offers the button that holds alerts back for a while: a slouch
	// alert does; a stand-up reminder or a call to calibrate does not, even
	// when it comes while the user slouches.
	Snooze bool
	// SoundOnly: the user turned desktop notifications off but wants the
	// sound, so the alert is heard and not shown.
	SoundOnly bool
}

// HistoryChanged tells the GUI that the history was written or erased: an
// open report of today is read again.
type HistoryChanged struct{}

func (AlertEvent) event()     {}
func (HistoryChanged) event() {}
func (Status) event()         {}
