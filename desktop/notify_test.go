package desktop

import (
	"context"
	"os/exec"
	"testing"
	"time"
)

// The real notification daemon of the test desktop (dunst) shows a
// notification with its one action; the user picking it (dunstctl action,
// as a click on the button) runs the action once.
func TestPickingANotificationsActionRunsIt(t *testing.T) {
	conn := sessionBus(t)
	if _, err := exec.LookPath("dunstctl"); err != nil {
		t.Skip("dunstctl is not installed; run scripts/install-deps.sh test")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n, err := notificationsOn(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	picked := make(chan string, 2)
	// Words of its own: other packages' tests share the test desktop's
	// daemon, and the app's end-to-end test waits there for Hunch's alert.
	if err := n.NotifyWithAction("desktop test", "An action to pick", "Picking it runs the action once", "", "Pick", func() { picked <- "picked" }); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-picked:
		t.Fatalf("the action ran (%s) before anyone picked it", p)
	case <-time.After(300 * time.Millisecond):
	}
	if out, err := exec.Command("dunstctl", "action", "0").CombinedOutput(); err != nil {
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
	exec.Command("dunstctl", "close-all").Run()
}
