package gui

import "sync"

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
type idleLoop struct {
	// post hands work to Fyne's goroutine (fyne.Do); shown says whether a
	// window is shown; both are used only as described on their callers.
	post  func(func())
	shown func() bool

	mu      sync.Mutex
	parked  bool
	queue   []func()
	wake    chan struct{}
	pending int  // work handed to Fyne's queue that has not run yet
	stopped bool // the app is quitting: never park again
}

func newIdleLoop(post func(func()), shown func() bool) *idleLoop {
	return &idleLoop{post: post, shown: shown, wake: make(chan struct{}, 1)}
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
			l.mu.Unlock()
			f()
		})
		return
	}
	l.queue = append(l.queue, f)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// parkIfIdle parks Fyne's loop when no window is shown. It runs on Fyne's
// goroutine (after a window hides or closes); the park itself starts once
// Fyne has run what was handed to it before.
func (l *idleLoop) parkIfIdle() {
	l.mu.Lock()
	if l.parked || l.stopped || l.shown() {
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

// park runs the queued work on Fyne's goroutine until a window is shown or
// the app quits, then hands the goroutine back to Fyne. Work handed to Fyne
// before the park began runs first: the park steps aside behind it.
func (l *idleLoop) park() {
	for {
		l.mu.Lock()
		if l.pending > 0 && !l.stopped {
			l.mu.Unlock()
			l.post(l.park)
			return
		}
		if l.stopped || l.shown() {
			l.parked = false
			rest := l.queue
			l.queue = nil
			l.mu.Unlock()
			for _, f := range rest {
				f()
			}
			return
		}
		if len(l.queue) > 0 {
			f := l.queue[0]
			l.queue = l.queue[1:]
			l.mu.Unlock()
			f()
			continue
		}
		l.mu.Unlock()
		<-l.wake
	}
}
