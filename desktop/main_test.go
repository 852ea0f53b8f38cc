package desktop

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain runs the package's tests on a D-Bus session bus of their own.
// They play the screen saver, logind and a tray host on the session bus; on
// the test desktop's shared bus (scripts/with-desktop.sh) that would lock
// the screen and start a tray under the app's end-to-end tests running in
// the same `go test ./...`. Without dbus-daemon the bus tests skip.
func TestMain(m *testing.M) {
	stop, err := ownSessionBus()
	if err != nil {
		fmt.Fprintln(os.Stderr, "desktop tests:", err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// ownSessionBus starts a private session bus and points
// DBUS_SESSION_BUS_ADDRESS at it; with no dbus-daemon installed it unsets
// the variable, so that the tests that need a bus skip.
func ownSessionBus() (stop func(), err error) {
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")
		return func() {}, nil
	}
	bus := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := bus.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := bus.Start(); err != nil {
		return nil, fmt.Errorf("start a session bus: %w", err)
	}
	stop = func() { bus.Process.Kill(); bus.Wait() }
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		stop()
		return nil, fmt.Errorf("dbus-daemon gave no address: %w", err)
	}
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))
	return stop, nil
}
