package gui

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gen2brain/beeep"

	"github.com/hunch-posture/hunch/monitor"
)

// Notifier delivers an alert to the user outside the app's windows, with
// the icon of the state it is about (a slouch alert shows the slouching figure).
type Notifier interface {
	Notify(a monitor.Alert, icon Mode, sound bool) error
}

// DesktopNotifier sends alerts as desktop notifications through beeep, with
// Hunch's name and the icon of each state.
type DesktopNotifier struct {
	// IconPaths are the PNG files of each state's icon.
	IconPaths map[Mode]string
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
func (n DesktopNotifier) Notify(a monitor.Alert, icon Mode, sound bool) error {
	if err := beeep.Notify(a.Title, a.Body, n.IconPaths[icon]); err != nil {
		return fmt.Errorf("desktop notification: %w", err)
	}
	if sound {
		_ = beeep.Beep(660, 120) // a missing speaker is no reason to fail the alert
	}
	return nil
}
