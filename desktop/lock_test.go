package desktop

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// sessionBus connects to the test desktop's session bus, skipping without one
// (make test runs the tests under scripts/with-desktop.sh, which starts it).
func sessionBus(t *testing.T) *dbus.Conn {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Skip("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS unset); run under scripts/with-desktop.sh")
	}
	c, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Skipf("session bus: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func expect(t *testing.T, events <-chan Event, want Event, after string) {
	t.Helper()
	select {
	case got := <-events:
		if got != want {
			t.Errorf("after %s: %+v, want %+v", after, got, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("after %s: no event in 5 s, want %+v", after, want)
	}
}

// expectClosed fails the test unless ch is closed, with nothing more on it,
// within 5 s.
func expectClosed[T any](t *testing.T, ch <-chan T, after string) {
	t.Helper()
	select {
	case got, open := <-ch:
		if open {
			t.Errorf("after %s: %+v, want the channel closed", after, got)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("after %s: the channel was not closed within 5 s", after)
	}
}

func quiet(t *testing.T, events <-chan Event, after string) {
	t.Helper()
	select {
	case got := <-events:
		t.Errorf("after %s: %+v, want no change", after, got)
	case <-time.After(200 * time.Millisecond):
	}
}

// testBuses is a lock watch over the test desktop's session bus: the test
// plays logind as well, a second session-bus connection standing in for the
// system bus, and emits the signals from a third.
type testBuses struct {
	session, system *dbus.Conn
	events          <-chan Event
	emit            func(path dbus.ObjectPath, name string, on bool)
	cancel          context.CancelFunc
}

func watchTestBuses(t *testing.T) testBuses {
	t.Helper()
	w := testBuses{session: sessionBus(t), system: sessionBus(t)}
	emitter := sessionBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	events, err := WatchBuses(ctx, w.system, w.session)
	if err != nil {
		t.Fatal(err)
	}
	w.events, w.cancel = events, cancel
	w.emit = func(path dbus.ObjectPath, name string, on bool) {
		t.Helper()
		if err := emitter.Emit(path, name, on); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func TestLockingTheScreenAndSuspendingPauseUntilBothEnd(t *testing.T) {
	w := watchTestBuses(t)
	events, emit, cancel := w.events, w.emit, w.cancel
	emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", true)
	expect(t, events, Event{Paused: true, Reason: ScreenLocked}, "the screen locked")
	emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", true)
	quiet(t, events, "suspending while locked")
	emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", false)
	quiet(t, events, "unlocking while still asleep")
	emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", false)
	expect(t, events, Event{Paused: false, Reason: Suspending}, "waking up")

	emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", true)
	expect(t, events, Event{Paused: true, Reason: ScreenLocked}, "GNOME locked the screen")
	emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver.ActiveChanged", false)
	expect(t, events, Event{Paused: false, Reason: ScreenLocked}, "GNOME unlocked it")

	cancel()
	expectClosed(t, events, "cancelling")
}

func TestOtherSignalsAndOddBodiesChangeNothing(t *testing.T) {
	var st state
	for _, sig := range []*dbus.Signal{
		nil,
		{Name: "org.freedesktop.ScreenSaver.ActiveChanged", Body: []any{"yes"}},
		{Name: "org.freedesktop.ScreenSaver.ActiveChanged"},
		{Name: "org.example.Other.ActiveChanged", Body: []any{true}},
	} {
		if ev, changed := st.take(sig); changed {
			t.Errorf("%+v changed the state: %+v", sig, ev)
		}
	}
}

func TestWatchingNeedsABus(t *testing.T) {
	if _, err := WatchBuses(context.Background(), nil, nil); err == nil {
		t.Error("no connections: want an error")
	}
}

// TestABusThatGoesAwayNoLongerHoldsWatchingPaused: when one connection
// closes (its bus restarted), what it held paused is let go, the loss is
// reported, and the other bus is still watched; when both have closed the
// channel closes.
func TestABusThatGoesAwayNoLongerHoldsWatchingPaused(t *testing.T) {
	w := watchTestBuses(t)
	events, emit, system, session := w.events, w.emit, w.system, w.session
	emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", true)
	expect(t, events, Event{Paused: true, Reason: ScreenLocked}, "the screen locked")
	system.Close()
	expect(t, events, Event{Paused: true, Reason: BusLost}, "the system bus went away while locked")
	emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", false)
	expect(t, events, Event{Paused: false, Reason: ScreenLocked}, "unlocking after the system bus went away")
	emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", true)
	expect(t, events, Event{Paused: true, Reason: ScreenLocked}, "locking again")
	session.Close()
	expect(t, events, Event{Paused: false, Reason: BusLost}, "the session bus went away while locked")
	expectClosed(t, events, "both buses went away")
}

// fakeScreenSaver answers GetActive as a screensaver on the session bus does.
type fakeScreenSaver struct{ active bool }

func (f fakeScreenSaver) GetActive() (bool, *dbus.Error) { return f.active, nil }

// TestAScreenAlreadyLockedAtStartPausesAtOnce: Hunch started (or started
// again) behind a locked screen asks the screensaver, whose signal came
// before it listened, and pauses at once; an unlocked screen changes
// nothing.
func TestAScreenAlreadyLockedAtStartPausesAtOnce(t *testing.T) {
	for _, locked := range []bool{true, false} {
		saver := sessionBus(t)
		if err := saver.Export(fakeScreenSaver{active: locked}, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"); err != nil {
			t.Fatal(err)
		}
		if reply, err := saver.RequestName("org.freedesktop.ScreenSaver", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
			t.Fatalf("own org.freedesktop.ScreenSaver: %v (%v)", reply, err)
		}
		w := watchTestBuses(t)
		if locked {
			expect(t, w.events, Event{Paused: true, Reason: ScreenLocked}, "starting behind a locked screen")
			w.emit("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", false)
			expect(t, w.events, Event{Paused: false, Reason: ScreenLocked}, "unlocking")
		} else {
			quiet(t, w.events, "starting with the screen unlocked")
		}
		w.cancel()
		saver.ReleaseName("org.freedesktop.ScreenSaver")
	}
}
