package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// AutostartPath is where the XDG autostart entry lives:
// $XDG_CONFIG_HOME/autostart/hunch.desktop (~/.config/autostart by default).
func AutostartPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config directory: %w", err)
	}
	return filepath.Join(dir, "autostart", "hunch.desktop"), nil
}

// SetAutostart writes (on) or removes (off) the autostart entry that starts
// exe at login.
func SetAutostart(path, exe string, on bool) error {
	if !on {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	entry := "[Desktop Entry]\nType=Application\nName=Hunch\nComment=Posture monitor: nudges you when you slouch\n" +
		"Exec=" + exe + "\nIcon=io.github.hunch_posture.hunch\nTerminal=false\nCategories=Utility;\nX-GNOME-Autostart-enabled=true\n"
	if err := os.WriteFile(path, []byte(entry), 0o644); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	return nil
}
