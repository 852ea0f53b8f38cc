package desktop

import (
	"context"
	"fmt"

	"github.com/godbus/dbus/v5"
)

// trayWatcher is the bus name a system tray (a StatusNotifierItem host)
// owns while it runs: KDE's, GNOME's AppIndicator extension, xfce4-panel's
// status tray and waybar all answer to it.
const trayWatcher = "org.kde.StatusNotifierWatcher"

// TrayHostAppears reports, on the session bus, when a system tray starts:
// the returned channel receives once the watcher's name gets an owner (at
// once when it already has one) and is then closed. At login a tray often
// starts after the apps that autostart with it; an app that found no tray
// moves into it when it appears. The channel closes without a value when
// ctx ends first.
func TrayHostAppears(ctx context.Context) (<-chan struct{}, error) {
	return onSessionBus(ctx, "wait for a system tray", trayHostAppearsOn)
}

// onSessionBus runs use on a connection of its own to the session bus, which
// is closed when ctx ends, or at once when use fails; what names the purpose
// in the error.
func onSessionBus[T any](ctx context.Context, what string, use func(context.Context, *dbus.Conn) (T, error)) (T, error) {
	var none T
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		return none, fmt.Errorf("%s: no D-Bus session: %w", what, err)
	}
	v, err := use(ctx, conn)
	if err != nil {
		conn.Close()
		return none, err
	}
	go func() {
		<-ctx.Done()
		conn.Close()
	}()
	return v, nil
}

// trayHostAppearsOn is TrayHostAppears over a given connection, which it
// does not close.
func trayHostAppearsOn(ctx context.Context, conn *dbus.Conn) (<-chan struct{}, error) {
	appears, err := nameOwnedOn(ctx, conn, trayWatcher)
	if err != nil {
		return nil, fmt.Errorf("wait for a system tray on D-Bus: %w", err)
	}
	return appears, nil
}

// nameOwnedOn reports when a bus name gets an owner on conn: the returned
// channel receives once (at once when the name already has one) and is then
// closed; it closes without a value when ctx ends first.
func nameOwnedOn(ctx context.Context, conn *dbus.Conn, name string) (<-chan struct{}, error) {
	match := []dbus.MatchOption{dbus.WithMatchInterface("org.freedesktop.DBus"), dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, name)}
	if err := conn.AddMatchSignal(match...); err != nil {
		return nil, err
	}
	sigs := make(chan *dbus.Signal, 4)
	conn.Signal(sigs)
	out := make(chan struct{}, 1)
	go func() {
		defer close(out)
		defer func() {
			conn.RemoveSignal(sigs)
			_ = conn.RemoveMatchSignal(match...)
		}()
		// Asked after subscribing, so that an owner arriving in between is not missed.
		if has, err := hasOwner(conn, name); err == nil && has {
			out <- struct{}{}
			return
		}
		eachSignal(ctx, sigs, func(sig *dbus.Signal) bool {
			if gotOwner(sig, name) {
				out <- struct{}{}
				return true
			}
			return false
		})
	}()
	return out, nil
}

// gotOwner says whether sig is name getting an owner.
func gotOwner(sig *dbus.Signal, name string) bool {
	if sig == nil || sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) != 3 {
		return false
	}
	n, _ := sig.Body[0].(string)
	owner, _ := sig.Body[2].(string)
	return n == name && owner != ""
}

// eachSignal hands each signal to take until ctx ends, the channel closes
// or take says it is done.
func eachSignal(ctx context.Context, sigs <-chan *dbus.Signal, take func(*dbus.Signal) (done bool)) {
	for {
		select {
		case <-ctx.Done():
			return
		case sig, ok := <-sigs:
			if !ok || take(sig) {
				return
			}
		}
	}
}
