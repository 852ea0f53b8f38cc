package desktop

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
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

// ownNotificationDaemon starts a dunst of this test's own on the package's
// session bus (TestMain) and the test desktop's display, and returns a maker
// of dunstctl commands that talk to it.
func ownNotificationDaemon(t *testing.T) (*dbus.Conn, func(args ...string) *exec.Cmd) {
	t.Helper()
	conn := sessionBus(t)
	for _, tool := range []string{"dunst", "dunstctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed; run scripts/install-deps.sh test", tool)
		}
	}
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no display for dunst (DISPLAY unset); run under scripts/with-desktop.sh")
	}
	config := t.TempDir()
	if err := os.Mkdir(filepath.Join(config, "dunst"), 0o755); err != nil {
		t.Fatal(err)
	}
	dunst := exec.Command("dunst")
	dunst.Env = append(os.Environ(), "XDG_CONFIG_HOME="+config)
	if err := dunst.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dunst.Process.Kill(); dunst.Wait() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	up, err := nameOwnedOn(ctx, conn, notifyService)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := <-up; !ok {
		t.Fatalf("dunst did not take %s on the bus within 10 s", notifyService)
	}
	return conn, func(args ...string) *exec.Cmd { return exec.Command("dunstctl", args...) }
}
