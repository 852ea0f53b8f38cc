package desktop

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/godbus/dbus/v5"
)

// ErrNoActions says the notification daemon shows no buttons on its
// notifications (its capabilities lack "actions"): send plain ones instead.
var ErrNoActions = errors.New("the notification daemon shows no actions")

const (
	notifyService = "org.freedesktop.Notifications"
	notifyPath    = "/org/freedesktop/Notifications"
	// actionKey names the one action a notification offers.
	actionKey = "hunch-action"
)

// Notifications sends desktop notifications that offer one action (a
// button, such as "Snooze 15 min") and runs what the user picks. The
// org.freedesktop.Notifications interface carries the action back as a
// signal; beeep, which sends Hunch's plain notifications, has no actions.
type Notifications struct {
	conn *dbus.Conn
	obj  dbus.BusObject

	mu      sync.Mutex
	pending map[uint32]func() // notification id → its action
}

// OpenNotifications connects to the session bus's notification daemon,
// which must show actions (else ErrNoActions), and listens for the user's
// choices until ctx ends.
func OpenNotifications(ctx context.Context) (*Notifications, error) {
	return onSessionBus(ctx, "notifications with actions", notificationsOn)
}

// notificationsOn is OpenNotifications over a given connection.
func notificationsOn(ctx context.Context, conn *dbus.Conn) (*Notifications, error) {
	n := &Notifications{conn: conn, obj: conn.Object(notifyService, notifyPath), pending: map[uint32]func(){}}
	var caps []string
	if err := n.obj.Call(notifyService+".GetCapabilities", 0).Store(&caps); err != nil {
		return nil, fmt.Errorf("notifications with actions: ask the daemon: %w", err)
	}
	if !slices.Contains(caps, "actions") {
		return nil, ErrNoActions
	}
	sigs, err := subscribe(conn, signal{notifyService, "ActionInvoked"}, signal{notifyService, "NotificationClosed"})
	if err != nil {
		return nil, err
	}
	go n.listen(ctx, sigs)
	return n, nil
}

// NotifyWithAction shows a notification from app with an icon file, offering
// one action labelled label; do runs (on a goroutine of its own) if the user
// picks it.
func (n *Notifications) NotifyWithAction(app, title, body, icon, label string, do func()) error {
	var id uint32
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(1))}
	if err := n.obj.Call(notifyService+".Notify", 0, app, uint32(0), icon, title, body,
		[]string{actionKey, label}, hints, int32(-1)).Store(&id); err != nil {
		return fmt.Errorf("desktop notification: %w", err)
	}
	n.mu.Lock()
	n.pending[id] = do
	n.mu.Unlock()
	return nil
}

// listen runs the actions the user picks and forgets closed notifications.
func (n *Notifications) listen(ctx context.Context, sigs chan *dbus.Signal) {
	eachSignal(ctx, sigs, func(sig *dbus.Signal) bool {
		if do := n.take(sig); do != nil {
			go do()
		}
		return false
	})
}

// take returns the action a signal picks (nil for none) and forgets the
// notification once it is acted on or closed.
func (n *Notifications) take(sig *dbus.Signal) func() {
	if sig == nil || len(sig.Body) != 2 {
		return nil
	}
	id, ok := sig.Body[0].(uint32)
	if !ok {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	do, known := n.pending[id]
	if !known {
		return nil
	}
	switch sig.Name {
	case notifyService + ".ActionInvoked":
		delete(n.pending, id)
		if key, _ := sig.Body[1].(string); key == actionKey {
			return do
		}
	case notifyService + ".NotificationClosed":
		delete(n.pending, id)
	}
	return nil
}
