package gui

import (
	"time"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// inputSlack is how much sooner than asked a wait may end and still count as
// having run out: the clock and the system's timers are not exact.
const inputSlack = 5 * time.Millisecond

// waitForInput waits up to d for the windows' input with GLFW, Fyne's
// windowing library, on Fyne's goroutine; GLFW hands what comes to Fyne's own
// handlers. It says whether the wait ended early (input came, or
// wakeFromInputWait).
func waitForInput(d time.Duration) bool {
	start := time.Now()
	glfw.WaitEventsTimeout(d.Seconds())
	return time.Since(start) < d-inputSlack
}

// wakeFromInputWait ends a waitForInput from any goroutine.
func wakeFromInputWait() { glfw.PostEmptyEvent() }
