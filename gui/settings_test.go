package gui

import (
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
