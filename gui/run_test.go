package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// panickingApp is a Fyne app whose event loop panics as Fyne's can while
// it closes its windows.
type panickingApp struct{ fyne.App }

func (panickingApp) Run() { panic("runtime error: invalid memory address or nil pointer dereference") }

// TestAPanicWhileClosingIsReportedNotFatal: once the user has asked to
// quit, a panic in Fyne's loop comes back as an error naming it; before
// that, it stays a panic.
func TestAPanicWhileClosingIsReportedNotFatal(t *testing.T) {
	u := &UI{app: panickingApp{}}
	u.quitting.Store(true)
	if err := u.Run(); err == nil || !strings.Contains(err.Error(), "nil pointer") {
		t.Errorf("a panic after Quit gave %v, want an error naming it", err)
	}
	u.quitting.Store(false)
	defer func() {
		if recover() == nil {
			t.Error("a panic before Quit was swallowed")
		}
	}()
	u.Run()
	t.Error("Run returned after a panic before Quit")
}
