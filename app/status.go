package app

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

// Today is today's upright share as the menu says it.
func (s Status) Today() string {
	if !s.HasToday {
		return "Today: nothing recorded yet"
	}
	return fmt.Sprintf("Today: %.0f%% upright", s.UprightPct)
}
