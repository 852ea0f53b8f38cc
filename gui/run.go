package gui

import "fmt"

// Run runs Fyne's event loop until Quit ends it. Fyne 2.7.1 can panic while
// it closes its windows after Quit, when a cursor event reaches a window it
// has already let go (fyne-io/fyne#5981, open: glfw's SetInputMode on a nil
// window, from processMouseMoved). The app is ending by then, so such a
// panic comes back as an error, for the caller to show in one line and go on
// to save the history; a panic before Quit is not Hunch's to hide.
func (u *UI) Run() (err error) {
	defer func() {
		if r := recover(); r != nil {
			if !u.quitting.Load() {
				panic(r)
			}
			err = fmt.Errorf("the window toolkit failed while closing (fyne-io/fyne#5981): %v", r)
		}
	}()
	u.app.Run()
	return nil
}
