//go:build !front

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAHistoryLocationThatCannotBeOpenedGivesWayToTheDefault: the settings'
// location gone (a file where the folder was, here) does not keep the app
// from starting: it records in the default location and says so; a bad
// --data-dir, typed for this run, is an error.
func TestAHistoryLocationThatCannotBeOpenedGivesWayToTheDefault(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	gone := filepath.Join(t.TempDir(), "was-a-folder")
	if err := os.WriteFile(gone, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, fallback, err := openAppHistory(context.Background(), "", gone)
	if err != nil {
		t.Fatalf("the app would not start: %v", err)
	}
	defer s.Close()
	if fallback == nil || !strings.Contains(fallback.Error(), "choose another in the settings") {
		t.Errorf("fallback %v: want it said", fallback)
	}
	if !strings.HasPrefix(s.Path(), data) {
		t.Errorf("recording in %s, want the default location under %s", s.Path(), data)
	}
	if _, _, err := openAppHistory(context.Background(), gone, ""); err == nil {
		t.Error("a --data-dir that cannot be opened was taken")
	}
}
