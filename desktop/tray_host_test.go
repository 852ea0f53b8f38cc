package desktop

import (
	"os"
	"strings"
	"testing"

	"github.com/godbus/dbus/v5"
)

// TestTrayHostNamesTheProgramThatOwnsTheWatcher: no tray, then this test
// taking the tray's bus name, then letting it go.
func TestTrayHostNamesTheProgramThatOwnsTheWatcher(t *testing.T) {
	conn, tray := sessionBus(t), sessionBus(t)
	if host, err := TrayHost(conn); err != nil || host != "" {
		t.Fatalf("with no tray: %q, %v; want none", host, err)
	}
	if reply, err := tray.RequestName(trayWatcher, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("take %s: %v (reply %v)", trayWatcher, err, reply)
	}
	comm, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		t.Fatal(err)
	}
	if host, err := TrayHost(conn); err != nil || host != strings.TrimSpace(string(comm)) {
		t.Errorf("with this test as the tray: %q, %v; want %q", host, err, strings.TrimSpace(string(comm)))
	}
	if _, err := tray.ReleaseName(trayWatcher); err != nil {
		t.Fatal(err)
	}
	if host, err := TrayHost(conn); err != nil || host != "" {
		t.Errorf("after the tray left: %q, %v; want none", host, err)
	}
}

// TestTrayRunningFollowsTheWatchersOwner: Hunch starts in the tray exactly
// while a program owns the tray's bus name.
func TestTrayRunningFollowsTheWatchersOwner(t *testing.T) {
	tray := sessionBus(t)
	if running, err := TrayRunning(); err != nil || running {
		t.Fatalf("with no tray: %v, %v; want false", running, err)
	}
	if reply, err := tray.RequestName(trayWatcher, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("take %s: %v (reply %v)", trayWatcher, err, reply)
	}
	if running, err := TrayRunning(); err != nil || !running {
		t.Errorf("with this test as the tray: %v, %v; want true", running, err)
	}
	if _, err := tray.ReleaseName(trayWatcher); err != nil {
		t.Fatal(err)
	}
	if running, err := TrayRunning(); err != nil || running {
		t.Errorf("after the tray left: %v, %v; want false", running, err)
	}
}
