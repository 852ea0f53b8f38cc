package gui

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gen2brain/beeep"

	"github.com/hunch-posture/hunch/monitor"
)

// Notifier delivers an alert to the user outside the app's windows, with
// the icon of the state it is about (a slouch alert shows the slouching
// figure). snooze, when not nil, is offered as the notification's button.
type Notifier interface {
	Notify(a monitor.Alert, icon Mode, sound bool, snooze func()) error
}

// ActionNotifier shows a notification with one button, labelled label, and
// runs do when the user presses it (desktop.Notifications over D-Bus).
type ActionNotifier interface {
	NotifyWithAction(app, title, body, icon, label string, do func()) error
}

// DesktopNotifier sends alerts as desktop notifications, with Hunch's name
// and the icon of each state: through Actions when an alert offers a snooze
// and the daemon shows buttons, else through beeep.
type DesktopNotifier struct {
	// IconPaths are the PNG files of each state's icon.
	IconPaths map[Mode]string
	// Actions, when not nil, sends the notifications that offer a button.
	Actions ActionNotifier
}

// NewDesktopNotifier writes Hunch's icons under cacheDir and returns a
// notifier that shows them.
func NewDesktopNotifier(cacheDir string) (DesktopNotifier, error) {
	beeep.AppName = "Hunch"
	if err := os.MkdirAll(cacheDir, 0o700); err != nil {
		return DesktopNotifier{}, fmt.Errorf("notification icon: %w", err)
	}
	n := DesktopNotifier{IconPaths: map[Mode]string{}}
	for m, icon := range allIcons() {
		path := filepath.Join(cacheDir, icon.Name())
		if err := os.WriteFile(path, icon.Content(), 0o600); err != nil {
			return DesktopNotifier{}, fmt.Errorf("notification icon: %w", err)
		}
		n.IconPaths[m] = path
	}
	return n, nil
}

// Notify shows the alert; with sound, a short soft beep follows. It may be
// called from several goroutines: it only reads beeep's settings, which
// NewDesktopNotifier wrote once before any alert.
func (n DesktopNotifier) Notify(a monitor.Alert, icon Mode, sound bool, snooze func()) error {
	sent := false
	if snooze != nil && n.Actions != nil {
		// On failure the plain notification below still goes out.
		sent = n.Actions.NotifyWithAction(beeep.AppName, a.Title, a.Body, n.IconPaths[icon], snoozeLabel, snooze) == nil
	}
	if !sent {
		if err := beeep.Notify(a.Title, a.Body, n.IconPaths[icon]); err != nil {
			return fmt.Errorf("desktop notification: %w", err)
		}
	}
	if sound {
		softBeep()
	}
	return nil
}

// softBeep is an alert's sound: short and soft. A missing speaker is no
// reason to fail the alert, so its error is not said.
func softBeep() { _ = beeep.Beep(660, 120) }
