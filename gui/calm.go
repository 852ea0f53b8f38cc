package gui

import "time"

// How a calm window rests Fyne's loop (idleLoop). Fyne paints a change at its
// next 1/60 s tick and answers input only while its loop runs, so the park
// hands the loop back to Fyne for these moments.
const (
	// calmWait is the longest a resting window waits for input before Fyne's
	// loop runs for a glance, so that an animation a click began just before
	// the rest (a button's tap) finishes within a second rather than at the
	// next input.
	calmWait = time.Second
	// glance is how long Fyne's loop runs after a quiet calmWait: three of
	// its ticks.
	glance = 50 * time.Millisecond
	// repaintGrace is how long Fyne's loop runs after work changed what a
	// shown window shows: it paints the change at its next tick; three
	// ticks leave room for a late one.
	repaintGrace = 50 * time.Millisecond
	// inputGrace is how long Fyne's loop runs after the user's input (a
	// click, a key, the pointer, the window moved or uncovered) or after a
	// window is shown: long enough for a click's feedback, for the next click
	// of someone using the window, and for a new window to map and draw.
	inputGrace = 2 * time.Second
)

// calmWindows lets shown windows rest Fyne's loop: with only calm windows
// shown, the park waits for their input with GLFW itself, waking when input
// or work comes, instead of Fyne polling for input 60 times a second.
type calmWindows struct {
	// shownCalm says whether every shown window is calm. wait waits up to a
	// time for the windows' input on Fyne's goroutine and says whether input
	// came (GLFW's WaitEventsTimeout); wake ends such a wait from any
	// goroutine (PostEmptyEvent). wait is nil where windows cannot rest
	// (Fyne's test driver has no GLFW).
	shownCalm func() bool
	wait      func(time.Duration) bool
	wake      func()
	// now and later are the clock and time.AfterFunc (fakes in tests).
	now   func() time.Time
	later func(time.Duration, func())
}

// possible says whether the shown windows may rest the loop.
func (c calmWindows) possible() bool { return c.wait != nil && c.shownCalm() }

// nudge ends a wait for input, if one is running, so that queued work runs.
func (c calmWindows) nudge() {
	if c.wake != nil {
		c.wake()
	}
}

// watchCalm is the park's step while calm windows are shown and no work is
// queued: Fyne's loop runs a while when work changed the windows; otherwise
// the park waits for input, and hands the loop to Fyne when input came or the
// wait ran out. It says whether the park goes on. l.mu is held on entry and
// released on return.
func (l *idleLoop) watchCalm() bool {
	if busy := l.busyUntil.Sub(l.calm.now()); busy > 0 {
		l.handBack()
		l.restAfter(busy)
		return false
	}
	l.waiting = true
	l.mu.Unlock()
	input := l.calm.wait(calmWait)
	l.mu.Lock()
	l.waiting = false
	if len(l.queue) > 0 || l.stopped {
		l.mu.Unlock()
		return true // work woke the wait: the park runs it first
	}
	grace := glance
	if input {
		grace = inputGrace
	}
	l.busyFor(grace)
	l.handBack()
	l.restAfter(grace)
	return false
}
