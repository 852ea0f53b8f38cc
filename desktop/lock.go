package desktop

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// Reason says what paused or resumed watching.
type Reason string

// The reasons for a pause.
const (
	ScreenLocked Reason = "screen locked"
	Suspending   Reason = "suspend"
	// BusLost: a bus's connection closed, so what it held paused (a lock
	// or a suspend) no longer does, and it is no longer watched.
	BusLost Reason = "D-Bus connection lost"
)

// Event is watching pausing or resuming.
type Event struct {
	// Paused is true from a lock or suspend until both have ended.
	Paused bool
	// Reason is the signal that made this change.
	Reason Reason
}

// The signals listened to: interface and member.
var (
	sleepSignal   = signal{"org.freedesktop.login1.Manager", "PrepareForSleep"}
	screenSignals = []signal{
		{"org.freedesktop.ScreenSaver", "ActiveChanged"},
		{"org.gnome.ScreenSaver", "ActiveChanged"},
	}
)

type signal struct{ iface, member string }

func (s signal) name() string { return s.iface + "." + s.member }

// Watch connects to the system bus (suspend) and the session bus (screen
// lock) and reports pauses and resumes until ctx ends or both connections
// have closed, when the channel is closed. Either bus may be missing; it is
// an error only when both are. A connection that closes is reported (with
// BusLost) and no longer holds watching paused.
func Watch(ctx context.Context) (<-chan Event, error) {
	system, serr := dbus.ConnectSystemBus()
	session, uerr := dbus.ConnectSessionBus()
	if serr != nil && uerr != nil {
		return nil, fmt.Errorf("watch screen lock and suspend: no D-Bus (system bus: %v; session bus: %v); Hunch will keep watching while the screen is locked", serr, uerr)
	}
	events, err := WatchBuses(ctx, system, session)
	if err != nil {
		closeAll(system, session)
		return nil, err
	}
	go func() {
		<-ctx.Done()
		closeAll(system, session)
	}()
	return events, nil
}

func closeAll(conns ...*dbus.Conn) {
	for _, c := range conns {
		if c != nil {
			c.Close()
		}
	}
}

// WatchBuses is Watch over given connections, either of which may be nil:
// system for logind's suspend signal, session for the screensavers. It does
// not close them.
func WatchBuses(ctx context.Context, system, session *dbus.Conn) (<-chan Event, error) {
	if system == nil && session == nil {
		return nil, errors.New("watch screen lock and suspend: no D-Bus connection given")
	}
	sysCh, err := subscribe(system, sleepSignal)
	if err != nil {
		return nil, err
	}
	sesCh, err := subscribe(session, screenSignals...)
	if err != nil {
		unsubscribe(system, sysCh, sleepSignal)
		return nil, err
	}
	out := make(chan Event, 4)
	var st state
	if screenLockedNow(ctx, session) { // Hunch started (again) behind a locked screen
		st.locked = true
		out <- Event{Paused: true, Reason: ScreenLocked}
	}
	go func() {
		defer close(out)
		defer unsubscribe(system, sysCh, sleepSignal)
		defer unsubscribe(session, sesCh, screenSignals...)
		for sysCh != nil || sesCh != nil {
			var sig *dbus.Signal
			var ok bool
			select {
			case <-ctx.Done():
				return
			case sig, ok = <-sysCh:
				if !ok { // the connection closed: watch on with the other bus
					sysCh, st.sleeping = nil, false
				}
			case sig, ok = <-sesCh:
				if !ok {
					sesCh, st.locked = nil, false
				}
			}
			ev, changed := Event{Paused: st.locked || st.sleeping, Reason: BusLost}, true
			if ok {
				ev, changed = st.take(sig)
			}
			if !changed {
				continue
			}
			select {
			case out <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}

// subscribe asks conn for the signals; nil conn gives a nil channel, which
// never delivers.
func subscribe(conn *dbus.Conn, sigs ...signal) (chan *dbus.Signal, error) {
	if conn == nil {
		return nil, nil
	}
	for _, s := range sigs {
		if err := conn.AddMatchSignal(dbus.WithMatchInterface(s.iface), dbus.WithMatchMember(s.member)); err != nil {
			return nil, fmt.Errorf("listen for %s on D-Bus: %w", s.name(), err)
		}
	}
	ch := make(chan *dbus.Signal, 8)
	conn.Signal(ch)
	return ch, nil
}

func unsubscribe(conn *dbus.Conn, ch chan *dbus.Signal, sigs ...signal) {
	if conn == nil {
		return
	}
	conn.RemoveSignal(ch)
	for _, s := range sigs {
		_ = conn.RemoveMatchSignal(dbus.WithMatchInterface(s.iface), dbus.WithMatchMember(s.member))
	}
}

// state is what holds watching paused.
type state struct{ locked, sleeping bool }

// take applies one signal; it returns the event when paused flipped.
func (st *state) take(sig *dbus.Signal) (Event, bool) {
	if sig == nil || len(sig.Body) != 1 {
		return Event{}, false
	}
	on, ok := sig.Body[0].(bool)
	if !ok {
		return Event{}, false
	}
	was := st.locked || st.sleeping
	var why Reason
	switch sig.Name {
	case sleepSignal.name():
		st.sleeping, why = on, Suspending
	case screenSignals[0].name(), screenSignals[1].name():
		st.locked, why = on, ScreenLocked
	default:
		return Event{}, false
	}
	now := st.locked || st.sleeping
	return Event{Paused: now, Reason: why}, now != was
}

// askTimeout bounds the question to a screensaver at start: one that does
// not answer within it is taken as not locking.
const askTimeout = 500 * time.Millisecond

// screenLockedNow asks the screensavers on the session bus whether the
// screen is locked now (their signals tell only of changes). A screensaver
// that is not running is not started for the question.
func screenLockedNow(ctx context.Context, session *dbus.Conn) bool {
	if session == nil {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, askTimeout)
	defer cancel()
	for _, s := range screenSignals {
		path := dbus.ObjectPath("/" + strings.ReplaceAll(s.iface, ".", "/"))
		var active bool
		call := session.Object(s.iface, path).CallWithContext(ctx, s.iface+".GetActive", dbus.FlagNoAutoStart)
		if call.Store(&active) == nil && active {
			return true
		}
	}
	return false
}
