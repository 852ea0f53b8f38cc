package gui

import "fyne.io/fyne/v2"

// shownWindow is one of Hunch's windows, counting itself while it is shown,
// so that the UI knows when only the tray is left and Fyne's loop may rest
// (idleLoop). Show, Hide and Close run on Fyne's goroutine, as Fyne requires.
type shownWindow struct {
	fyne.Window
	u        *UI
	onClosed func()
	// calm marks a window that may rest the loop while shown (calm.go): it
	// has no animation of its own and nothing to type into.
	calm bool
}

// newWindow makes a window that counts itself while shown.
func (u *UI) newWindow(title string) fyne.Window {
	w := &shownWindow{Window: u.app.NewWindow(title), u: u}
	w.Window.SetOnClosed(func() {
		w.gone()
		if w.onClosed != nil {
			w.onClosed()
		}
	})
	return w
}

// newCalmWindow makes a window that counts itself while shown and lets the
// loop rest while it is (calm.go).
func (u *UI) newCalmWindow(title string) fyne.Window {
	w := u.newWindow(title)
	w.(*shownWindow).calm = true
	return w
}

// Show shows the window and counts it; Fyne's loop runs while it maps and
// draws the window, then rests if only calm windows are shown.
func (w *shownWindow) Show() {
	w.u.shown[w] = true
	w.Window.Show()
	w.u.idle.shownNow()
}

// Hide hides the window; with no window left, the loop may rest.
func (w *shownWindow) Hide() {
	w.Window.Hide()
	w.gone()
}

// Close closes the window for good (its OnClosed counts it out).
func (w *shownWindow) Close() { w.Window.Close() }

// SetOnClosed keeps f, to run after the window is counted out.
func (w *shownWindow) SetOnClosed(f func()) { w.onClosed = f }

// gone counts the window out and lets the loop rest if nothing is shown.
func (w *shownWindow) gone() {
	delete(w.u.shown, w)
	w.u.rest()
}

// anyShown says whether one of Hunch's windows is shown.
func (u *UI) anyShown() bool { return len(u.shown) > 0 }

// onlyCalmShown says whether every shown window is calm.
func (u *UI) onlyCalmShown() bool {
	for w := range u.shown {
		if !w.calm {
			return false
		}
	}
	return true
}
