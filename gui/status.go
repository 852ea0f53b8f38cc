package gui

import (
	"fmt"
	"time"
)

// shown is what of a status the user sees: two statuses that show the same
// need no repaint.
func shown(s Status) [5]string {
	return [5]string{s.Mode.String(), s.Headline(), s.Today(), s.Note + s.Snoozed(), s.Source + fmt.Sprint(s.OfferDemo)}
}

// Intents are what the user can ask of the app from the GUI. The app
// implements them; the GUI only forwards.
type Intents interface {
	// PauseFor pauses watching for d; PauseUntilTomorrow until midnight.
	PauseFor(d time.Duration)
	PauseUntilTomorrow()
	Resume()
	// SnoozeFor keeps watching but holds back alerts for d (a call, a talk);
	// EndSnooze lets them through again at once.
	SnoozeFor(d time.Duration)
	EndSnooze()
	// StartCalibration asks for a new calibration (the screen is shown by the GUI).
	StartCalibration()
	// BeginCalibration is the user's Start on the calibration screen: they
	// sit upright and the countdown may begin.
	BeginCalibration()
	// CalibrationDone says the user has read the calibration's result (Done,
	// or the window closed after it): alerts may come now.
	CalibrationDone()
	// CancelCalibration leaves the calibration screen without a new profile.
	CancelCalibration()
	// SampleSlouch answers the calibration's offer of a slouch sample:
	// record it (true) or skip it (false).
	SampleSlouch(record bool)
	// ApplySettings applies changed settings at once.
	ApplySettings(Prefs)
	// DeleteHistory deletes all recorded history.
	DeleteHistory() error
	// StartDemo replays a generated clip instead of the camera.
	StartDemo()
	// Quit flushes the history and ends the app.
	Quit()
}
