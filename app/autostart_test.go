package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStartAtLoginWritesAnAutostartEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "autostart", "hunch.desktop")
	if err := SetAutostart(path, "/usr/bin/hunch", true); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "Exec=/usr/bin/hunch\n") || !strings.HasPrefix(string(b), "[Desktop Entry]\n") {
		t.Errorf("entry:\n%s", b)
	}
	if err := SetAutostart(path, "/usr/bin/hunch", false); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("turning it off left the entry")
	}
}
