package app

import (
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// Prefs are the user's settings, persisted by the GUI.
type Prefs struct {
	Sensitivity   monitor.Sensitivity
	Onset         time.Duration
	FPS           float64 // analysed frames a second
	Notify        bool
	Sound         bool
	BreakInterval time.Duration
	Camera        int
	StartAtLogin  bool
	// DataDir is where the history lives; "" is the default location.
	DataDir string
}

// DefaultPrefs are Hunch's settings out of the box.
func DefaultPrefs() Prefs {
	return Prefs{Sensitivity: monitor.Medium, Onset: monitor.DefaultSettings().Onset, FPS: monitor.DefaultRate, Notify: true, Sound: false,
		BreakInterval: 50 * time.Minute}
}

// The ranges settings are kept in.
const (
	MinOnset, MaxOnset = 2 * time.Second, 10 * time.Minute
	MinFPS, MaxFPS     = 0.2, 10
	MinBreak, MaxBreak = 10 * time.Minute, 4 * time.Hour
	MaxCamera          = 63
)

// Sane keeps every setting in its range: a value outside it (or not a
// number) is clamped, or replaced by the default where clamping means
// nothing.
func (s Prefs) Sane() Prefs {
	d := DefaultPrefs()
	if _, err := monitor.ParseSensitivity(string(s.Sensitivity)); err != nil {
		s.Sensitivity = d.Sensitivity
	}
	// The settings offer whole seconds and minutes; storing floats and
	// integers must give back the same values.
	s.Onset = clampDuration(s.Onset.Round(time.Second), MinOnset, MaxOnset)
	switch {
	case s.FPS != s.FPS: // NaN
		s.FPS = d.FPS
	case s.FPS < MinFPS:
		s.FPS = MinFPS
	case s.FPS > MaxFPS:
		s.FPS = MaxFPS
	}
	s.BreakInterval = clampDuration(s.BreakInterval.Round(time.Minute), MinBreak, MaxBreak)
	if s.Camera < 0 || s.Camera > MaxCamera {
		s.Camera = d.Camera
	}
	return s
}

func clampDuration(d, lo, hi time.Duration) time.Duration {
	return max(lo, min(hi, d))
}
