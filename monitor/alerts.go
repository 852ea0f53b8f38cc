package monitor

import (
	"fmt"
	"time"
)

// Alert is a message for the user: a short title and one line of body.
type Alert struct {
	Title, Body string
}

// SlouchAlert says what was seen and what to do, e.g. "Leaning towards the
// screen for 25 s — sit back, shoulders back and down".
func SlouchAlert(kind SlouchKind, lasted time.Duration) Alert {
	return Alert{
		Title: "Sit up",
		Body:  fmt.Sprintf("%s for %s — %s", kind.Describe(), FormatSpan(lasted), kind.Advice()),
	}
}

// StandUpAlert reminds the user to stand and move, with an exercise.
func StandUpAlert(e Exercise, sitting time.Duration) Alert {
	return Alert{
		Title: fmt.Sprintf("Time to stand up — you have sat for %s", FormatSpan(sitting)),
		Body:  fmt.Sprintf("%s: %s %s", e.Name, e.Lines[0], e.Lines[1]),
	}
}

// RecalibrateAlert suggests a new calibration when the set-up moved for good.
func RecalibrateAlert() Alert {
	return Alert{
		Title: "Recalibrate?",
		Body:  "The camera or chair seems to have moved — recalibrate so Hunch judges you fairly",
	}
}

// FormatSpan writes a duration as a person would say it: "25 s", "3 min",
// "1 h 5 min" (59.6 s is "1 min", not "60 s").
func FormatSpan(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	}
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}
