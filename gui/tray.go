package gui

import (
	"time"

	"fyne.io/fyne/v2"
)

// trayMenu is the tray's menu: the state and today's upright %, pausing,
// calibration, the report, the settings and Quit.
func (u *UI) trayMenu() *fyne.Menu {
	state := fyne.NewMenuItem(u.status.Headline(), func() { u.ShowStatus() })
	today := fyne.NewMenuItem(u.status.Today(), func() { u.ShowReport() })
	items := []*fyne.MenuItem{state, today, fyne.NewMenuItemSeparator()}
	resume := fyne.NewMenuItem("Resume", func() { u.in.Resume() })
	resume.Disabled = u.status.Mode != ModePaused
	items = append(items, u.pauseItems()...)
	items = append(items, resume, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Calibrate…", func() { u.StartCalibration() }),
		fyne.NewMenuItem("Today's report…", func() { u.ShowReport() }),
		fyne.NewMenuItem("Settings…", func() { u.ShowSettings() }),
		fyne.NewMenuItem("Show status window", func() { u.ShowStatus() }),
		fyne.NewMenuItemSeparator(),
		quitItem(u),
	)
	m := fyne.NewMenu("Hunch", items...)
	return m
}

// quitItem ends Hunch through the app (which writes the history out first);
// marked as the menu's Quit, so Fyne adds no second one of its own.
func quitItem(u *UI) *fyne.MenuItem {
	q := fyne.NewMenuItem("Quit Hunch", func() { u.in.Quit() })
	q.IsQuit = true
	return q
}

// pauseItems are Snooze (or its end) and Pause for 15 min / 1 h / until
// tomorrow: the tray's menu (which adds Resume) and the status window's
// Pause… (beside which it has a Resume button) offer them all.
func (u *UI) pauseItems() []*fyne.MenuItem {
	snooze := fyne.NewMenuItem("Snooze alerts for 30 min", func() { u.in.SnoozeFor(30 * time.Minute) })
	if s := u.status.Snoozed(); s != "" {
		snooze = fyne.NewMenuItem(s+": end snooze", func() { u.in.EndSnooze() })
	}
	return []*fyne.MenuItem{
		snooze,
		fyne.NewMenuItem("Pause for 15 min", func() { u.in.PauseFor(15 * time.Minute) }),
		fyne.NewMenuItem("Pause for 1 h", func() { u.in.PauseFor(time.Hour) }),
		fyne.NewMenuItem("Pause until tomorrow", func() { u.in.PauseUntilTomorrow() }),
	}
}

// NoTrayNote is what the status window says where there is no system tray:
// none running, or (asking failed) why Hunch could not tell.
func NoTrayNote(asking error) string {
	if asking != nil {
		return "No system tray: " + asking.Error() + ", so Hunch lives in this window."
	}
	return "No system tray on this desktop, so Hunch lives in this window."
}
