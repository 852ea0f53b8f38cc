package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// DBName is the history database's file name inside the data directory.
const DBName = "history.db"

// lockName is the lock file that keeps a second writer out of a data directory.
const lockName = "history.lock"

// DefaultDataDir is where Hunch keeps its history unless --data-dir says
// otherwise: $XDG_DATA_HOME/hunch (~/.local/share/hunch) on Linux and other
// Unixes, ~/Library/Application Support/Hunch on macOS, %LocalAppData%\Hunch
// on Windows.
func DefaultDataDir() (string, error) {
	return defaultDataDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultDataDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	switch goos {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "Hunch"), nil
		}
		return "", errors.New("data directory: %LocalAppData% is not set; pass --data-dir DIR")
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", fmt.Errorf("data directory: %w; pass --data-dir DIR", err)
		}
		return filepath.Join(h, "Library", "Application Support", "Hunch"), nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "hunch"), nil
	}
	h, err := home()
	if err != nil {
		return "", fmt.Errorf("data directory: %w; pass --data-dir DIR", err)
	}
	return filepath.Join(h, ".local", "share", "hunch"), nil
}

// ensureDir creates the data directory, private to the user (0700), when it
// does not exist yet. An existing directory is left as it is.
func ensureDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the data directory %s: %w; choose another with --data-dir DIR", dir, cause(err))
	}
	return nil
}
