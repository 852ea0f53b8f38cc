package gui

import (
	"context"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"
)

// AppID is Hunch's application ID, fixed so that preferences and the
// desktop entry stay the same across builds.
const AppID = "io.github.hunch_posture.hunch"

// NewApp makes the Fyne application with Hunch's ID and icon.
func NewApp() fyne.App {
	a := app.NewWithID(AppID)
	a.SetIcon(AppIcon())
	return a
}

// UI is Hunch's windows and tray. Its methods run on Fyne's goroutine; the
// app reaches it only through Listen's channel.
type UI struct {
	app      fyne.App
	in       Intents
	reports  Reports
	notifier Notifier
	// async runs slow work (notifications, erasing the history) off Fyne's
	// goroutine (synchronously in tests).
	async func(func())
	// beep is an alert's sound where Hunch shows the alert itself (a
	// notification plays its own); tests count it.
	beep func()

	status Status
	tray   trayIcon // nil without a system tray
	noTray string   // why there is no tray
	// quitting is set once the user has asked the app to end (Quit), from
	// any goroutine.
	quitting atomic.Bool
	// idle rests Fyne's loop while only the tray or calm windows are shown;
	// shown are the windows shown.
	idle     *idleLoop
	shown    map[*shownWindow]bool
	win      *statusWindow
	calib    *calibrationScreen
	report   *reportWindow
	settings fyne.Window
}

// New builds the UI. reports may be nil until a history store is open.
func New(a fyne.App, in Intents, reports Reports, n Notifier) *UI {
	u := &UI{app: a, in: in, reports: reports, notifier: n, async: func(f func()) { go f() }, beep: softBeep,
		shown: map[*shownWindow]bool{}}
	u.idle = newIdleLoop(fyne.Do, u.anyShown)
	u.idle.calm.shownCalm = u.onlyCalmShown
	if _, glfw := a.Driver().(desktop.Driver); glfw {
		u.idle.calm.wait, u.idle.calm.wake = waitForInput, wakeFromInputWait
	}
	a.Lifecycle().SetOnStarted(u.rest)
	return u
}

// do runs f on Fyne's goroutine, from any goroutine; it returns at once.
func (u *UI) do(f func()) { u.idle.do(f) }

// rest lets Fyne's loop rest when Hunch is in the desktop's tray with no
// window shown, or when only calm windows are shown; it runs on Fyne's
// goroutine.
func (u *UI) rest() { u.idle.parkIfIdle() }

// Quit ends the app's event loop; it may be called from any goroutine.
func (u *UI) Quit() {
	u.quitting.Store(true)
	u.do(func() {
		u.idle.stop()
		u.app.Quit()
	})
}

// UseTray puts Hunch in the system tray when the desktop has one; the status
// window is then hidden until asked for. Without a tray, the status window
// stays and why says so.
func (u *UI) UseTray(available bool, why string) {
	if _, desktop := u.app.(desktop.App); desktop && available {
		u.tray = newStatusItem(u.do, Icon(u.status.Mode))
		u.tray.SetSystemTrayMenu(u.trayMenu())
		u.idle.inTray()
		return
	}
	u.noTray = why
	u.status.Note = why
	u.statusWindow().show(u.status)
}

// MoveToTrayWhen moves Hunch into a system tray that starts after it (at
// login a tray often starts after the apps it hosts) once appears delivers:
// the note about the missing tray goes, the icon registers with the tray and
// the status window closes into it, as at a start with a tray. It returns at
// once.
func (u *UI) MoveToTrayWhen(appears <-chan struct{}) {
	go func() {
		if _, ok := <-appears; ok {
			u.do(u.moveToTray)
		}
	}()
}

// moveToTray is MoveToTrayWhen's move, on Fyne's goroutine.
func (u *UI) moveToTray() {
	if u.tray != nil {
		return
	}
	if u.status.Note == u.noTray {
		u.status.Note = ""
	}
	u.noTray = ""
	u.UseTray(true, "")
	if u.win != nil {
		u.win.update(u.status)
		u.win.hide()
	}
}

// ShowStatus shows the status window.
func (u *UI) ShowStatus() { u.statusWindow().show(u.status) }

// statusWindow is the status window, built when first asked for: a day in
// the tray never builds it, and never loads the fonts that laying it out
// needs (about 17 MB of the Go heap, measured with a heap profile).
func (u *UI) statusWindow() *statusWindow {
	if u.win == nil {
		u.win = newStatusWindow(u)
		u.win.update(u.status)
	}
	return u.win
}

// Listen applies events on Fyne's goroutine until ctx is cancelled or events is
// closed. It returns at once; the work happens on a goroutine of its own.
func (u *UI) Listen(ctx context.Context, events <-chan Event) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-events:
				if !ok {
					return
				}
				u.do(func() { u.Apply(ev) })
			}
		}
	}()
}

// Apply applies one event; it must run on Fyne's goroutine (tests call it
// directly).
func (u *UI) Apply(ev Event) {
	switch e := ev.(type) {
	case Status:
		u.showStatus(e)
	case CalibrationView:
		u.showCalibrationView(e)
	case ShowCalibration:
		u.showCalibration(e.Reason)
	case AlertEvent:
		u.alert(e)
	case HistoryChanged:
		u.reloadToday()
	}
}

// showStatus renders the app's state, repainting only what changed.
func (u *UI) showStatus(s Status) {
	if s.Note == "" {
		s.Note = u.noTray
	}
	old := u.status
	u.status = s
	if shown(s) == shown(old) {
		return // nothing the user sees changed: no repaint, no new menu
	}
	if u.win != nil {
		u.win.update(s)
	}
	if u.tray != nil {
		if old.Mode != s.Mode {
			u.tray.SetSystemTrayIcon(Icon(s.Mode))
		}
		u.tray.SetSystemTrayMenu(u.trayMenu())
	}
}

// Open opens the named windows at start: "status", "report", "settings" or
// "calibration" (screenshots, the end-to-end test); other names are ignored.
func (u *UI) Open(names []string) {
	for _, n := range names {
		switch strings.TrimSpace(n) {
		case "status":
			u.ShowStatus()
		case "report":
			u.ShowReport()
		case "settings":
			u.ShowSettings()
		case "calibration":
			u.showCalibration("")
		}
	}
}
