package desktop

import (
	"context"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// A tray that starts later is reported when its name gets an owner, and one
// already running at once. (The real tray, xfce4-panel's status tray, is
// started after Hunch in cmd/hunch's TestHunchMovesIntoATrayThatStartsLater.)
func TestATrayStartingLaterIsReported(t *testing.T) {
	watcher, tray := sessionBus(t), sessionBus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	appears, err := trayHostAppearsOn(ctx, watcher)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-appears:
		t.Fatal("reported a tray before one started")
	case <-time.After(300 * time.Millisecond):
	}
	if reply, err := tray.RequestName(trayWatcher, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("take the tray's name: %v (reply %d)", err, reply)
	}
	defer tray.ReleaseName(trayWatcher)
	select {
	case _, ok := <-appears:
		if !ok {
			t.Fatal("the channel closed without reporting the tray")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no report in 5 s after the tray took its name")
	}

	again, err := trayHostAppearsOn(ctx, watcher)
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-again:
	case <-time.After(5 * time.Second):
		t.Fatal("a tray already running was not reported")
	}
}

func TestTrayWatchEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	appears, err := trayHostAppearsOn(ctx, sessionBus(t))
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	expectClosed(t, appears, "the context ended (no tray ever started)")
}
