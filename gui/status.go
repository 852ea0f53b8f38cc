package gui

import (
	"fmt"
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// Mode is the state the tray icon shows at a glance.
type Mode int

// The modes, each with its own tray icon.
const (
	ModeNeedsCalibration Mode = iota
	ModeUpright
	ModeSlouching
	ModeAway
	ModePaused
)

// String names the mode as the menu's first line says it.
func (m Mode) String() string {
	switch m {
	case ModeUpright:
		return "Sitting upright"
	case ModeSlouching:
		return "Slouching"
	case ModeAway:
		return "Away"
	case ModePaused:
		return "Paused"
	}
	return "Needs calibration"
}

// Status is everything the status window and the tray menu show. The app
// builds it from monitor.Updates and the pause state; the GUI only renders it.
type Status struct {
	Mode Mode
	// Kind and SlouchFor describe the current slouch in ModeSlouching.
	Kind      monitor.SlouchKind
	SlouchFor time.Duration
	// UprightPct is today's upright share of present time; HasToday is false
	// before any has been recorded.
	UprightPct float64
	HasToday   bool
	// Note is a one-line remark under the state: why it is paused, that the
	// camera or chair moved, that there is no tray.
	Note string
	// Source names what is watched ("camera 0", "demo clip").
	Source string
	// OfferDemo shows a button that starts the demo (no camera was found).
	OfferDemo bool
	// SnoozedUntil is when held-back alerts come back (zero: not snoozed).
	SnoozedUntil time.Time
}

// Snoozed says, in words, until when alerts are held back ("" when they
// are not).
func (s Status) Snoozed() string {
	if s.SnoozedUntil.IsZero() {
		return ""
	}
	return "Alerts snoozed until " + s.SnoozedUntil.Format("15:04")
}

// Headline is the state in a few words: "Sitting upright", "Leaning
// towards the screen for 25 s".
func (s Status) Headline() string {
	if s.Mode == ModeSlouching {
		return fmt.Sprintf("%s for %s", s.Kind.Describe(), monitor.FormatSpan(s.SlouchFor))
	}
	return s.Mode.String()
}

// shown is what of a status the user sees: two statuses that show the same
// need no repaint.
func (s Status) shown() [5]string {
	return [5]string{s.Mode.String(), s.Headline(), s.Today(), s.Note + s.Snoozed(), s.Source + fmt.Sprint(s.OfferDemo)}
}

// Today is today's upright share as the menu says it.
func (s Status) Today() string {
	if !s.HasToday {
		return "Today: nothing recorded yet"
	}
	return fmt.Sprintf("Today: %.0f%% upright", s.UprightPct)
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
