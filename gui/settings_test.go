package gui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestDeletingTheHistoryAsksFirst(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.ShowSettings()
	del := findButton(u.settings.Content(), "Delete all history…")
	if del == nil {
		t.Fatal("no Delete all history… in the settings")
	}
	test.Tap(del)
	if len(in.calls) != 0 {
		t.Fatalf("deleted before the user confirmed: %v", in.calls)
	}
	overlay := u.settings.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no confirmation dialog")
	}
	no := findButton(overlay, "No")
	test.Tap(no)
	if len(in.calls) != 0 {
		t.Fatalf("No deleted the history: %v", in.calls)
	}
	test.Tap(del)
	test.Tap(findButton(u.settings.Canvas().Overlays().Top(), "Yes"))
	if len(in.calls) != 1 || in.last() != "delete history" {
		t.Errorf("Yes forwarded %v", in.calls)
	}
}

// TestAHistoryLocationIsCheckedBeforeItIsKept: a folder typed for the
// history is kept only when it can be written (a typo would otherwise keep
// Hunch from starting next time); ~/ is the home folder.
func TestAHistoryLocationIsCheckedBeforeItIsKept(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	notAFolder := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notAFolder, nil, 0o600)
	for typed, want := range map[string]string{
		"":                   "",
		"  ~/hunch-history ": filepath.Join(home, "hunch-history"),
		home + "/a/b/../c":   filepath.Join(home, "a", "c"),
	} {
		got, err := historyFolder(typed)
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", typed, got, err, want)
		}
		if st, err := os.Stat(got); got != "" && (err != nil || !st.IsDir()) {
			t.Errorf("%q: the folder was not made: %v", typed, err)
		}
	}
	for _, typed := range []string{"hunch-history", filepath.Join(notAFolder, "history")} {
		if got, err := historyFolder(typed); err == nil || strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%q: kept as %q (err %v); want a one-line refusal", typed, got, err)
		}
	}
}
