package gui

import (
	"sync"
	"time"
)

// idleLoop stops Fyne's event loop while Hunch shows nothing but its tray
// icon (issue 12). Fyne's driver wakes 60 times a second to poll for window
// events whether or not a window is shown, which costs about 2% of a core on
// its own; in the tray a user may spend the whole day. So while no window is
// shown, Fyne's goroutine is lent to park: it runs the UI's work (the tray's
// icon and menu, the app's statuses, menu clicks) from a queue of its own,
// sleeping in between, and gives the goroutine back to Fyne as soon as a
// window is shown or the app quits. Work keeps its order across the handover:
// everything sent before the park runs before it, everything sent during it
// runs in it or, if it ends, right after it.
//
// A calm window (the status window: no animation of its own, nothing to type
// into) rests the loop too while it is shown: the park then waits for the
// windows' input itself (calm.go) and hands the goroutine back to Fyne for a
// moment whenever there is something to paint or to answer.
type idleLoop struct {
	// post hands work to Fyne's goroutine (fyne.Do); shown says whether a
	// window is shown; both are used only as described on their callers.
	post  func(func())
	shown func() bool
	calm  calmWindows

	mu      sync.Mutex
	parked  bool
	queue   []func()
	wake    chan struct{}
	pending int  // work handed to Fyne's queue that has not run yet
	stopped bool // the app is quitting: never park again
	trayed  bool // Hunch is in the desktop's tray: it may rest with no window
	waiting bool // the park waits for the windows' input (watchCalm)
	// busyUntil is when Fyne's loop may rest again with a window shown:
	// work just changed what it shows, or it was just shown.
	busyUntil time.Time
}

func newIdleLoop(post func(func()), shown func() bool) *idleLoop {
	return &idleLoop{post: post, shown: shown, wake: make(chan struct{}, 1),
		calm: calmWindows{now: time.Now, later: func(d time.Duration, f func()) { time.AfterFunc(d, f) }}}
}

// inTray says that Hunch's icon is in the desktop's tray, so that the loop
// may rest with no window shown (without a tray the app ends with its
// window). It runs on Fyne's goroutine.
func (l *idleLoop) inTray() {
	l.mu.Lock()
	l.trayed = true
	l.mu.Unlock()
}

// do runs f on Fyne's goroutine: in the park while there is one, through
// Fyne's queue otherwise. It may be called from any goroutine and returns at
// once.
func (l *idleLoop) do(f func()) {
	l.mu.Lock()
	if !l.parked {
		l.pending++
		l.mu.Unlock()
		l.post(func() {
			l.mu.Lock()
			l.pending--
			l.busyFor(repaintGrace)
			l.mu.Unlock()
			f()
		})
		return
	}
	l.queue = append(l.queue, f)
	waiting := l.waiting
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
	if waiting {
		l.calm.nudge() // only then: an unread wake-up would sit in the X queue
	}
}

// parkIfIdle parks Fyne's loop when no window is shown and Hunch is in the
// tray, or when only calm windows are shown. It runs on Fyne's goroutine
// (after a window shows, hides or closes); the park itself starts once Fyne
// has run what was handed to it before.
func (l *idleLoop) parkIfIdle() {
	l.mu.Lock()
	if l.parked || l.stopped || !l.restful() {
		l.mu.Unlock()
		return
	}
	l.parked = true
	l.mu.Unlock()
	l.post(l.park)
}

// stop ends any park for good; it runs on Fyne's goroutine, for Quit.
func (l *idleLoop) stop() {
	l.mu.Lock()
	l.stopped = true
	l.mu.Unlock()
}

// shownNow notes that a window was shown, so that Fyne's loop runs while the
// window maps and draws and rests after (if the windows shown are calm). It
// runs on Fyne's goroutine.
func (l *idleLoop) shownNow() {
	l.mu.Lock()
	l.busyFor(inputGrace)
	l.mu.Unlock()
	if l.calm.wait != nil {
		l.restAfter(inputGrace)
	}
}

// busyFor keeps Fyne's loop running for at least d from now when a window is
// shown. l.mu is held.
func (l *idleLoop) busyFor(d time.Duration) {
	if t := l.calm.now().Add(d); t.After(l.busyUntil) {
		l.busyUntil = t
	}
}

// restful says whether the loop may rest now: in the tray with no window
// shown, or with only calm windows shown. l.mu is held.
func (l *idleLoop) restful() bool {
	if l.shown() {
		return l.calm.possible()
	}
	return l.trayed
}

// park runs the queued work on Fyne's goroutine until the loop may no longer
// rest (a window that is not calm shows, the app quits) or, with a calm
// window shown, until Fyne has something to paint or to answer; then it
// hands the goroutine back to Fyne. Work handed to Fyne before the park
// began runs first: the park steps aside behind it.
func (l *idleLoop) park() {
	for {
		l.mu.Lock()
		if l.pending > 0 && !l.stopped {
			l.mu.Unlock()
			l.post(l.park)
			return
		}
		if l.stopped || !l.restful() {
			l.handBack()
			return
		}
		windows := l.shown()
		if len(l.queue) > 0 {
			f := l.queue[0]
			l.queue = l.queue[1:]
			if windows {
				l.busyFor(repaintGrace)
			}
			l.mu.Unlock()
			f()
			continue
		}
		if windows {
			if !l.watchCalm() {
				return
			}
			continue
		}
		l.mu.Unlock()
		<-l.wake
	}
}

// handBack ends the park, running what was queued for it first. l.mu is
// held and released.
func (l *idleLoop) handBack() {
	l.parked = false
	rest := l.queue
	l.queue = nil
	l.mu.Unlock()
	for _, f := range rest {
		f()
	}
}

// restAfter parks the loop again after d, if it may rest then.
func (l *idleLoop) restAfter(d time.Duration) {
	l.calm.later(d, func() {
		l.mu.Lock()
		stopped := l.stopped
		l.mu.Unlock()
		if !stopped {
			l.post(l.parkIfIdle)
		}
	})
}
