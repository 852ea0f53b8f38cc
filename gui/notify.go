package gui

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gen2brain/beeep"

	"github.com/hunch-posture/hunch/monitor"
)

// Notifier delivers an alert to the user outside the app's windows.
type Notifier interface {
	Notify(a monitor.Alert, sound bool) error
}

// DesktopNotifier sends alerts as desktop notifications through beeep, with
// Hunch's name and icon.
type DesktopNotifier struct {
	// IconPath is a PNG file shown with the notification.
	IconPath string
}

// NewDesktopNotifier writes Hunch's icon under cacheDir and returns a
// notifier that shows it.
func NewDesktopNotifier(cacheDir string) (DesktopNotifier, error) {
	beeep.AppName = "Hunch"
	path := filepath.Join(cacheDir, "hunch.png")
	if err := os.MkdirAll(cacheDir, 0o700); err != nil {
		return DesktopNotifier{}, fmt.Errorf("notification icon: %w", err)
	}
	if err := os.WriteFile(path, AppIcon().Content(), 0o600); err != nil {
		return DesktopNotifier{}, fmt.Errorf("notification icon: %w", err)
	}
	return DesktopNotifier{IconPath: path}, nil
}

// Notify shows the alert; with sound, a short soft beep follows. It may be
// called from several goroutines: it only reads beeep's settings, which
// NewDesktopNotifier wrote once before any alert.
func (n DesktopNotifier) Notify(a monitor.Alert, sound bool) error {
	if err := beeep.Notify(a.Title, a.Body, n.IconPath); err != nil {
		return fmt.Errorf("desktop notification: %w", err)
	}
	if sound {
		_ = beeep.Beep(660, 120) // a missing speaker is no reason to fail the alert
	}
	return nil
}
