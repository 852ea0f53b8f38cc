package gui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/hunch-posture/hunch/app"
	"github.com/hunch-posture/hunch/monitor"
)

// FuzzPrefs stores arbitrary values under every settings key and checks that
// what Hunch loads is always in range, and that sane settings survive a
// save and load unchanged.
func FuzzPrefs(f *testing.F) {
	f.Add("medium", 20.0, 2.0, 50, 0, "")
	f.Add("extreme", -5.0, math.NaN(), -1, -3, "/tmp/x")
	f.Add("", 1e300, math.Inf(1), 1<<40, 1<<20, "\x00")
	f.Add("high", 0.0, 0.0, 0, 64, "~/hunch")
	a := test.NewTempApp(f)
	f.Fuzz(func(t *testing.T, sens string, onsetS, fps float64, breakMin, camera int, dir string) {
		p := a.Preferences()
		p.SetString(keySensitivity, sens)
		p.SetFloat(keyOnset, onsetS)
		p.SetFloat(keyFPS, fps)
		p.SetInt(keyBreak, breakMin)
		p.SetInt(keyCamera, camera)
		p.SetString(keyDataDir, dir)
		got := LoadPrefs(p)
		if _, err := monitor.ParseSensitivity(string(got.Sensitivity)); err != nil {
			t.Fatalf("sensitivity %q loaded", got.Sensitivity)
		}
		if got.Onset < app.MinOnset || got.Onset > app.MaxOnset || !(got.FPS >= app.MinFPS && got.FPS <= app.MaxFPS) ||
			got.BreakInterval < app.MinBreak || got.BreakInterval > app.MaxBreak || got.Camera < 0 || got.Camera > app.MaxCamera {
			t.Fatalf("out of range after loading: %+v", got)
		}
		SavePrefs(p, got)
		if again := LoadPrefs(p); again != got {
			t.Fatalf("saved %+v, loaded %+v", got, again)
		}
	})
}

func TestDamagedSettingsLoadAsSaneOnes(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	p.SetFloat(keyFPS, -3)
	p.SetFloat(keyOnset, 0)
	p.SetInt(keyBreak, 0)
	p.SetInt(keyCamera, -2)
	got := LoadPrefs(p)
	want := Prefs{Sensitivity: monitor.Medium, Onset: app.MinOnset, FPS: app.MinFPS, Notify: true, BreakInterval: app.MinBreak}
	if got != want {
		t.Errorf("loaded %+v, want %+v", got, want)
	}
}
