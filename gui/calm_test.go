package gui

import (
	"sync"
	"testing"
	"time"
)

// fakeInput stands in for GLFW's wait for input, the clock and the timers of
// a calm window's rest.
type fakeInput struct {
	waits  chan time.Duration // a wait began, for this long
	ends   chan bool          // ends the running wait: true as input, false as run out
	woken  chan struct{}      // wake's PostEmptyEvent
	laters chan laterCall     // restAfter's timers, fired by the test

	mu    sync.Mutex
	clock time.Time
}

type laterCall struct {
	d time.Duration
	f func()
}

func (in *fakeInput) wait(d time.Duration) bool {
	in.waits <- d
	select {
	case input := <-in.ends:
		return input
	case <-in.woken:
		return true
	}
}

func (in *fakeInput) wake() {
	select {
	case in.woken <- struct{}{}:
	default:
	}
}

func (in *fakeInput) now() time.Time {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.clock
}

func (in *fakeInput) pass(d time.Duration) {
	in.mu.Lock()
	in.clock = in.clock.Add(d)
	in.mu.Unlock()
}

func (in *fakeInput) later(d time.Duration, f func()) { in.laters <- laterCall{d, f} }

// startCalm starts the fake main goroutine with a calm window shown when
// calm, another window otherwise, and the fake input behind the idle loop.
func startCalm(t *testing.T, calm bool) (*fakeMain, *idleLoop, *fakeInput) {
	m, l := startFakeMain(t)
	in := &fakeInput{waits: make(chan time.Duration), ends: make(chan bool), woken: make(chan struct{}, 1),
		laters: make(chan laterCall, 10), clock: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
	l.calm = calmWindows{shownCalm: func() bool { return calm }, wait: in.wait, wake: in.wake, now: in.now, later: in.later}
	onMain(t, l, func() { m.shown = true })
	in.pass(time.Minute)
	return m, l, in
}

// expectWait waits for the park to begin waiting for input.
func (in *fakeInput) expectWait(t *testing.T) {
	t.Helper()
	select {
	case d := <-in.waits:
		if d != calmWait {
			t.Errorf("the park waits %v for input, want %v", d, calmWait)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("with a calm window shown, the loop did not rest waiting for input")
	}
}

// expectHandBack takes the timer the park set when it handed the loop back.
func (in *fakeInput) expectHandBack(t *testing.T, want time.Duration, why string) laterCall {
	t.Helper()
	select {
	case c := <-in.laters:
		if c.d != want {
			t.Errorf("%s: Fyne's loop runs %v before resting again, want %v", why, c.d, want)
		}
		return c
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: the park did not hand the loop back to Fyne", why)
		return laterCall{}
	}
}

func TestACalmWindowRestsFynesLoopAndHandsItBackToPaintAndAnswer(t *testing.T) {
	m, l, in := startCalm(t, true)
	m.queue <- l.parkIfIdle
	in.expectWait(t)

	// A status comes: it runs in the park, not through Fyne's queue, and Fyne's
	// loop then runs long enough to paint it.
	before := m.posted.Load()
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 0 {
		t.Errorf("%d pieces of work went through Fyne's loop while it rested, want 0", got)
	}
	again := in.expectHandBack(t, repaintGrace, "after a status")
	onMain(t, l, func() {}) // the loop is Fyne's: this goes through its queue
	if got := m.posted.Load() - before; got != 1 {
		t.Errorf("after the hand-back, %d pieces of work went through Fyne's loop, want 1", got)
	}

	// Once that is painted the loop rests again; input hands it back for
	// longer, a wait that runs out only for a glance.
	in.pass(repaintGrace)
	again.f()
	in.expectWait(t)
	in.ends <- true
	again = in.expectHandBack(t, inputGrace, "after input")
	// Another window closing meanwhile asks the loop to rest: it waits for
	// the rest of the input's grace.
	in.pass(inputGrace / 4)
	m.queue <- l.parkIfIdle
	in.expectHandBack(t, inputGrace*3/4, "a window closed during input's grace")
	in.pass(inputGrace * 3 / 4)
	again.f()
	in.expectWait(t)
	in.ends <- false
	in.expectHandBack(t, glance, "after a quiet second")
}

func TestAWindowThatIsNotCalmKeepsFynesLoopRunning(t *testing.T) {
	m, l, in := startCalm(t, false)
	onMain(t, l, l.parkIfIdle)
	before := m.posted.Load()
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 1 {
		t.Errorf("with the report shown, %d pieces of work went through Fyne's loop, want 1", got)
	}
	select {
	case <-in.waits:
		t.Error("the loop rested while a window that is not calm was shown")
	default:
	}
}

func TestQuitDuringACalmRestEndsIt(t *testing.T) {
	m, l, in := startCalm(t, true)
	m.queue <- l.parkIfIdle
	in.expectWait(t)
	onMain(t, l, l.stop)
	before := m.posted.Load()
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 1 {
		t.Errorf("after Quit, %d of 1 pieces of work went through Fyne's loop: it still rested", got)
	}
}

// In the tray park (no window shown) work wakes the park's own channel, not
// GLFW: a wake-up posted to GLFW with nobody waiting would sit unread in the
// X queue until a window shows.
func TestTheTrayParkDoesNotWakeAWaitForInput(t *testing.T) {
	m, l := startFakeMain(t)
	in := &fakeInput{waits: make(chan time.Duration), woken: make(chan struct{}, 1), laters: make(chan laterCall, 10)}
	l.calm = calmWindows{shownCalm: func() bool { return true }, wait: in.wait, wake: in.wake, now: in.now, later: in.later}
	onMain(t, l, l.parkIfIdle)
	onMain(t, l, func() {})
	if m.posted.Load() > 2 {
		t.Fatalf("work went through Fyne's loop: the tray park did not start")
	}
	if len(in.woken) != 0 {
		t.Error("work in the tray park posted a wake-up to GLFW, where nobody waits")
	}
}
