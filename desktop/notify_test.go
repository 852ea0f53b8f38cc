package desktop

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// A real notification daemon (dunst) shows a notification with its one
// action; the user picking it (dunstctl action, as a click on the button)
// runs the action once.
func TestPickingANotificationsActionRunsIt(t *testing.T) {
	conn, dunstctl := ownNotificationDaemon(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, err := notificationsOn(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	picked := make(chan string, 2)
	if err := n.NotifyWithAction("Hunch", "Sit up", "Leaning towards the screen for 25 s", "", "Snooze 15 min", func() { picked <- "snooze" }); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-picked:
		t.Fatalf("the action ran (%s) before anyone picked it", p)
	case <-time.After(300 * time.Millisecond):
	}
	if out, err := dunstctl("action", "0").CombinedOutput(); err != nil {
		t.Fatalf("dunstctl action: %v %s", err, out)
	}
	select {
	case <-picked:
	case <-time.After(5 * time.Second):
		t.Fatal("picking the notification's action did not run it")
	}
	select {
	case <-picked:
		t.Fatal("the action ran twice")
	case <-time.After(300 * time.Millisecond):
	}
}

// ownNotificationDaemon starts a D-Bus session bus and a dunst of this
// test's own on the test desktop's display, so that no other package's test
// (the app's end-to-end tests share the desktop's daemon) can put its
// notification where dunstctl picks. It returns a connection to that bus and
// a maker of dunstctl commands that talk to that dunst.
func ownNotificationDaemon(t *testing.T) (*dbus.Conn, func(args ...string) *exec.Cmd) {
	t.Helper()
	for _, tool := range []string{"dbus-daemon", "dunst", "dunstctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; run scripts/install-deps.sh test", tool)
		}
	}
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no display for dunst (DISPLAY unset); run under scripts/with-desktop.sh")
	}
	bus := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := bus.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Process.Kill(); bus.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon gave no address: %v", err)
	}
	env := append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+strings.TrimSpace(addr))

	config := t.TempDir()
	if err := os.Mkdir(filepath.Join(config, "dunst"), 0o755); err != nil {
		t.Fatal(err)
	}
	dunst := exec.Command("dunst")
	dunst.Env = append(env, "XDG_CONFIG_HOME="+config)
	if err := dunst.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dunst.Process.Kill(); dunst.Wait() })

	conn, err := dbus.Connect(strings.TrimSpace(addr))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	deadline := time.Now().Add(10 * time.Second)
	for {
		var up bool
		err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, notifyService).Store(&up)
		if err == nil && up {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("dunst did not take %s on its bus within 10 s (%v)", notifyService, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return conn, func(args ...string) *exec.Cmd {
		c := exec.Command("dunstctl", args...)
		c.Env = env
		return c
	}
}
