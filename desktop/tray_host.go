package desktop

import (
	"fmt"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
)

// TrayHost names the program that provides the system tray on conn's bus
// ("xfce4-panel"), or is "" when no tray is running: Hunch then lives in
// its status window. It is what 'hunch doctor' says about the tray.
func TrayHost(conn *dbus.Conn) (string, error) {
	var has bool
	bus := conn.BusObject()
	if err := bus.Call("org.freedesktop.DBus.NameHasOwner", 0, trayWatcher).Store(&has); err != nil {
		return "", fmt.Errorf("ask D-Bus for a system tray: %w", err)
	}
	if !has {
		return "", nil
	}
	var pid uint32
	if err := bus.Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, trayWatcher).Store(&pid); err != nil {
		return "a system tray", nil // it runs; who it is stays unknown
	}
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		return "a system tray", nil
	}
	return strings.TrimSpace(string(comm)), nil
}
