package gui

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/monitor"
)

// ShowSettings opens the settings window. Each change is saved in the
// preferences and applied at once through Intents.ApplySettings.
func (u *UI) ShowSettings() {
	if u.settings != nil {
		u.settings.Show()
		u.settings.RequestFocus()
		return
	}
	w := u.newWindow("Hunch — Settings")
	u.settings = w
	w.SetContent(u.settingsForm(w))
	w.Resize(fyne.NewSize(520, 520))
	w.SetCloseIntercept(func() { w.Hide() })
	w.Show()
}

// settingsForm builds the form over the saved preferences.
func (u *UI) settingsForm(w fyne.Window) fyne.CanvasObject {
	p := LoadPrefs(u.app.Preferences())
	apply := func() {
		SavePrefs(u.app.Preferences(), p)
		u.in.ApplySettings(p)
	}
	sens := widget.NewRadioGroup([]string{"low", "medium", "high"}, func(s string) {
		if v, err := monitor.ParseSensitivity(s); err == nil && v != p.Sensitivity {
			p.Sensitivity = v
			apply()
		}
	})
	sens.Horizontal = true
	sens.Required = true // a click on the chosen one keeps it chosen
	sens.Selected = string(p.Sensitivity)
	onset := choice([]string{"5 s", "10 s", "20 s", "30 s", "60 s"}, fmt.Sprintf("%d s", int(p.Onset.Seconds())), func(s string) {
		n, _ := strconv.Atoi(s[:len(s)-2])
		p.Onset = time.Duration(n) * time.Second
		apply()
	})
	fps := choice([]string{"1", "2", "5"}, strconv.FormatFloat(p.FPS, 'f', -1, 64), func(s string) {
		p.FPS, _ = strconv.ParseFloat(s, 64)
		apply()
	})
	brk := choice([]string{"30 min", "45 min", "50 min", "60 min", "90 min"}, fmt.Sprintf("%d min", int(p.BreakInterval.Minutes())), func(s string) {
		n, _ := strconv.Atoi(s[:len(s)-4])
		p.BreakInterval = time.Duration(n) * time.Minute
		apply()
	})
	camera := cameraChoice(desktop.Cameras(), p.Camera, func(i int) { p.Camera = i; apply() })
	notify := widget.NewCheck("Desktop notifications", func(b bool) { p.Notify = b; apply() })
	notify.Checked = p.Notify
	sound := widget.NewCheck("Play a sound with alerts", func(b bool) { p.Sound = b; apply() })
	sound.Checked = p.Sound
	login := widget.NewCheck("Start Hunch when I log in", func(b bool) { p.StartAtLogin = b; apply() })
	login.Checked = p.StartAtLogin
	data := widget.NewEntry()
	data.SetPlaceHolder("default location")
	data.SetText(p.DataDir)
	data.OnSubmitted = func(s string) {
		dir, err := historyFolder(s)
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		data.SetText(dir)
		p.DataDir = dir
		apply()
	}
	del := widget.NewButton("Delete all history…", func() {
		dialog.ShowConfirm("Delete all history?", "Every recorded day will be gone for good.", func(yes bool) {
			if !yes {
				return
			}
			u.async(func() { // erasing and compacting the database takes a while: not on Fyne's goroutine
				err := u.in.DeleteHistory()
				u.do(func() {
					if err != nil {
						dialog.ShowError(err, w)
						return
					}
					u.reloadReport()
					dialog.ShowInformation("History deleted", "All recorded history was deleted.", w)
				})
			})
		}, w)
	})
	del.Importance = widget.DangerImportance
	form := widget.NewForm(
		widget.NewFormItem("Camera", camera),
		widget.NewFormItem("Sensitivity", sens),
		widget.NewFormItem("Alert after", onset),
		widget.NewFormItem("Frames a second", fps),
		widget.NewFormItem("Stand-up reminder every", brk),
		widget.NewFormItem("Alerts", container.NewVBox(notify, sound)),
		widget.NewFormItem("Login", login),
		historyItem(data),
		widget.NewFormItem("", del),
	)
	return container.NewPadded(form)
}

// choice is a drop-down whose changes after construction call changed.
// cameraChoice lists the cameras by name (the chosen one even when it is not
// plugged in now) and reports the index picked.
func cameraChoice(cams []desktop.Camera, chosen int, picked func(int)) *widget.Select {
	labels, index := []string{}, map[string]int{}
	add := func(c desktop.Camera) {
		labels = append(labels, c.Label())
		index[c.Label()] = c.Index
	}
	found := false
	for _, c := range cams {
		add(c)
		found = found || c.Index == chosen
	}
	if !found {
		add(desktop.Camera{Index: chosen})
	}
	selected := ""
	for l, i := range index {
		if i == chosen {
			selected = l
		}
	}
	return choice(labels, selected, func(l string) { picked(index[l]) })
}

func choice(options []string, selected string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, nil)
	s.Selected = selected
	s.OnChanged = changed
	return s
}

// historyItem is the form's history location, with when it takes effect.
func historyItem(data *widget.Entry) *widget.FormItem {
	item := widget.NewFormItem("History location", data)
	item.HintText = "Press Enter to keep it; used from the next start."
	return item
}

// historyFolder is the folder typed for the history, made ready: "" for the
// default location, ~/ for the home folder; refused (with why and what to
// do) when it is not a full path or cannot be written, so that a typo
// cannot keep Hunch from starting next time.
func historyFolder(typed string) (string, error) {
	dir := strings.TrimSpace(typed)
	if dir == "" {
		return "", nil
	}
	if rest, ok := strings.CutPrefix(dir, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("history location %q: %v; type a full path", typed, err)
		}
		dir = filepath.Join(home, rest)
	}
	if !filepath.IsAbs(dir) {
		return "", fmt.Errorf("history location %q is not a full path: type one such as ~/Documents/hunch", typed)
	}
	dir = filepath.Clean(dir)
	err := os.MkdirAll(dir, 0o700)
	if err == nil {
		var f *os.File
		if f, err = os.CreateTemp(dir, ".hunch-write-check-*"); err == nil {
			f.Close()
			err = os.Remove(f.Name())
		}
	}
	if err != nil {
		return "", fmt.Errorf("history location %s cannot be written (%v): choose a folder of yours", dir, err)
	}
	return dir, nil
}
