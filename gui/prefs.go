package gui

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/hunch-posture/hunch/app"
	"github.com/hunch-posture/hunch/monitor"
)

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
	d := app.DefaultPrefs()
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

// SavePrefs writes the settings.
func SavePrefs(p fyne.Preferences, s Prefs) {
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
