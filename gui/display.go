package gui

import (
	"errors"
	"os"
	"runtime"
)

// ErrNoDisplay says there is no desktop session to show the app in.
var ErrNoDisplay = errors.New("no desktop session to show Hunch in (neither DISPLAY nor WAYLAND_DISPLAY is set); " +
	"start it from your desktop, or watch from a terminal with 'hunch analyze --camera 0'")

// CheckDisplay reports ErrNoDisplay where a Linux or BSD desktop is missing,
// before Fyne would fail to open a window.
func CheckDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return ErrNoDisplay
	}
	return nil
}
