package gui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/hunch-posture/hunch/monitor"
)

// Prefs are the user's settings, persisted in Fyne's preferences.
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

// Preference keys.
const (
	keySensitivity = "sensitivity"
	keyOnset       = "onset_s"
	keyFPS         = "fps"
	keyNotify      = "notify"
	keySound       = "sound"
	keyBreak       = "break_min"
	keyCamera      = "camera"
	keyLogin       = "start_at_login"
	keyDataDir     = "data_dir"
)

// LoadPrefs reads the settings, with defaults for what was never set and
// sane values for what a hand-edited or damaged preferences file holds.
func LoadPrefs(p fyne.Preferences) Prefs {
	return loadPrefs(p).Sane()
}

func loadPrefs(p fyne.Preferences) Prefs {
	d := DefaultPrefs()
	s, err := monitor.ParseSensitivity(p.StringWithFallback(keySensitivity, string(d.Sensitivity)))
	if err != nil {
		s = d.Sensitivity
	}
	return Prefs{
		Sensitivity:   s,
		Onset:         time.Duration(p.FloatWithFallback(keyOnset, d.Onset.Seconds()) * float64(time.Second)),
		FPS:           p.FloatWithFallback(keyFPS, d.FPS),
		Notify:        p.BoolWithFallback(keyNotify, d.Notify),
		Sound:         p.BoolWithFallback(keySound, d.Sound),
		BreakInterval: time.Duration(p.IntWithFallback(keyBreak, int(d.BreakInterval/time.Minute))) * time.Minute,
		Camera:        p.IntWithFallback(keyCamera, d.Camera),
		StartAtLogin:  p.BoolWithFallback(keyLogin, d.StartAtLogin),
		DataDir:       p.StringWithFallback(keyDataDir, d.DataDir),
	}
}

// Save writes the settings.
func (s Prefs) Save(p fyne.Preferences) {
	p.SetString(keySensitivity, string(s.Sensitivity))
	p.SetFloat(keyOnset, s.Onset.Seconds())
	p.SetFloat(keyFPS, s.FPS)
	p.SetBool(keyNotify, s.Notify)
	p.SetBool(keySound, s.Sound)
	p.SetInt(keyBreak, int(s.BreakInterval/time.Minute))
	p.SetInt(keyCamera, s.Camera)
	p.SetBool(keyLogin, s.StartAtLogin)
	p.SetString(keyDataDir, s.DataDir)
}

// The ranges settings are kept in.
const (
	minOnset, maxOnset = 2 * time.Second, 10 * time.Minute
	minFPS, maxFPS     = 0.2, 10
	minBreak, maxBreak = 10 * time.Minute, 4 * time.Hour
	maxCamera          = 63
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
	s.Onset = clampDuration(s.Onset.Round(time.Second), minOnset, maxOnset)
	switch {
	case s.FPS != s.FPS: // NaN
		s.FPS = d.FPS
	case s.FPS < minFPS:
		s.FPS = minFPS
	case s.FPS > maxFPS:
		s.FPS = maxFPS
	}
	s.BreakInterval = clampDuration(s.BreakInterval.Round(time.Minute), minBreak, maxBreak)
	if s.Camera < 0 || s.Camera > maxCamera {
		s.Camera = d.Camera
	}
	return s
}

func clampDuration(d, lo, hi time.Duration) time.Duration {
	return max(lo, min(hi, d))
}
