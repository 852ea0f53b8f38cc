package gui

import (
	"sync/atomic"
	"testing"
	"time"
)

// fakeMain stands in for Fyne's goroutine: it runs what is posted to it, in
// order, and counts the posts.
type fakeMain struct {
	queue  chan func()
	posted atomic.Int32
	shown  bool // touched only on the fake main goroutine
	// gate, when set, holds the next post until it is closed.
	gate atomic.Pointer[chan struct{}]
}

// startFakeMain starts the fake main goroutine and an idle loop over it.
func startFakeMain(t *testing.T) (*fakeMain, *idleLoop) {
	m := &fakeMain{queue: make(chan func(), 100)}
	l := newIdleLoop(m.post, func() bool { return m.shown })
	l.inTray()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for f := range m.queue {
			f()
		}
	}()
	t.Cleanup(func() { onMain(t, l, l.stop); close(m.queue); <-done })
	return m, l
}

func (m *fakeMain) post(f func()) {
	if g := m.gate.Swap(nil); g != nil {
		<-*g
	}
	m.posted.Add(1)
	m.queue <- f
}

// onMain runs f on the fake main goroutine through l and waits for it.
func onMain(t *testing.T, l *idleLoop, f func()) {
	t.Helper()
	ran := make(chan struct{})
	l.do(func() { f(); close(ran) })
	select {
	case <-ran:
	case <-time.After(5 * time.Second):
		t.Fatal("work handed to the UI never ran")
	}
}

func TestWhileOnlyTheTrayIsShownWorkRunsWithoutFynesLoop(t *testing.T) {
	m, l := startFakeMain(t)
	onMain(t, l, l.parkIfIdle) // the last window hid
	onMain(t, l, func() {})    // the park has begun once this runs in it
	before := m.posted.Load()
	var order []int
	for i := 0; i < 5; i++ {
		onMain(t, l, func() { order = append(order, i) })
	}
	if got := m.posted.Load() - before; got != 0 {
		t.Errorf("%d pieces of work went through Fyne's loop while it rested, want 0", got)
	}
	if len(order) != 5 || order[0] != 0 || order[4] != 4 {
		t.Errorf("work ran in the order %v, want 0 to 4", order)
	}
}

func TestShowingAWindowWakesFynesLoop(t *testing.T) {
	m, l := startFakeMain(t)
	onMain(t, l, l.parkIfIdle)
	onMain(t, l, func() { m.shown = true }) // a tray click opened the report
	before := m.posted.Load()
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 1 {
		t.Errorf("with a window shown, %d pieces of work went through Fyne's loop, want 1", got)
	}
	onMain(t, l, func() { m.shown = false; l.parkIfIdle() }) // and closed it
	onMain(t, l, func() {})
	before = m.posted.Load()
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 0 {
		t.Errorf("back in the tray, %d pieces of work went through Fyne's loop, want 0", got)
	}
}

func TestWorkHandedOverBeforeTheParkRunsFirst(t *testing.T) {
	m, l := startFakeMain(t)
	gate := make(chan struct{})
	m.gate.Store(&gate)
	var order []string
	go l.do(func() { order = append(order, "before") }) // on its way to Fyne's queue...
	waitFor(t, func() bool { return l.pending == 1 }, l)
	m.queue <- l.parkIfIdle // ...when the last window hides
	waitFor(t, func() bool { return l.parked }, l)
	close(gate) // "before" lands in Fyne's queue behind the park
	onMain(t, l, func() { order = append(order, "during") })
	if len(order) != 2 || order[0] != "before" {
		t.Errorf("work ran as %v, want [before during]", order)
	}
}

// waitFor waits until cond, read under l's lock, holds.
func waitFor(t *testing.T, cond func() bool, l *idleLoop) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(time.Millisecond) {
		l.mu.Lock()
		ok := cond()
		l.mu.Unlock()
		if ok {
			return
		}
	}
	t.Fatal("timed out")
}

func TestQuitEndsThePark(t *testing.T) {
	m, l := startFakeMain(t)
	onMain(t, l, l.parkIfIdle)
	onMain(t, l, l.stop)
	before := m.posted.Load()
	onMain(t, l, l.parkIfIdle)
	onMain(t, l, func() {})
	if got := m.posted.Load() - before; got != 2 {
		t.Errorf("after Quit, %d of 2 pieces of work went through Fyne's loop: it rested again", got)
	}
}
