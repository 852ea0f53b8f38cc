package desktop

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/godbus/dbus/v5"
)

// TrayHost names the program that provides the system tray on conn's bus
// ("xfce4-panel"), or is "" when no tray is running: Hunch then lives in
// its status window. It is what 'hunch doctor' says about the tray.
func TrayHost(conn *dbus.Conn) (string, error) {
	has, err := hasOwner(conn, trayWatcher)
	if err != nil {
		return "", fmt.Errorf("ask D-Bus for a system tray: %w", err)
	}
	if !has {
		return "", nil
	}
	var pid uint32
	if err := conn.BusObject().Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, trayWatcher).Store(&pid); err != nil {
		return "a system tray", nil // it runs; who it is stays unknown
	}
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		return "a system tray", nil
	}
	return strings.TrimSpace(string(comm)), nil
}

// TrayRunning reports whether a system tray is running on the session bus
// (the connection Fyne's tray icon uses too), so that Hunch starts in it.
// The error, short enough for a window's note, says why it cannot tell;
// 'hunch doctor' gives the details.
func TrayRunning() (bool, error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false, errors.New("no D-Bus session")
	}
	has, err := hasOwner(conn, trayWatcher)
	if err != nil {
		return false, errors.New("D-Bus gave no answer")
	}
	return has, nil
}

// hasOwner asks the bus whether a program owns name now.
func hasOwner(conn *dbus.Conn, name string) (bool, error) {
	var has bool
	err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has)
	return has, err
}
