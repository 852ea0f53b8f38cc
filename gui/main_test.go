package gui

import (
	"fmt"
	"os"
	"testing"
)

// TestMain checks, before any test draws one, that loading the package drew
// no icon: commands that show none must not pay for them at start.
func TestMain(m *testing.M) {
	if icons != nil {
		fmt.Fprintln(os.Stderr, "gui: the tray icons were drawn at start-up, before anything asked for one")
		os.Exit(1)
	}
	os.Exit(m.Run())
}
