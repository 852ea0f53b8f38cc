package guest

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// InGuest is true in the guest, where the program is the first process.
var InGuest = os.Getpid() == 1

// Start prepares the guest for a camera program: it mounts what a driver
// needs, loads the modules /modules/order names and waits for
// /dev/video0.
func Start() error {
	for _, mnt := range []struct{ src, dir, typ string }{{"devtmpfs", "/dev", "devtmpfs"}, {"sysfs", "/sys", "sysfs"}, {"proc", "/proc", "proc"}, {"tmpfs", "/tmp", "tmpfs"}} {
		if err := unix.Mount(mnt.src, mnt.dir, mnt.typ, 0, ""); err != nil {
			return fmt.Errorf("mount %s: %w", mnt.dir, err)
		}
	}
	order, err := os.ReadFile("/modules/order")
	if err != nil {
		return err
	}
	for _, name := range strings.Fields(string(order)) {
		if err := loadModule("/modules/"+name+".ko", vividParams(name)); err != nil {
			return fmt.Errorf("load %s: %w", name, err)
		}
	}
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat("/dev/video0"); err == nil {
			return nil
		}
		if time.Now().After(end) {
			return errors.New("no /dev/video0 after loading vivid")
		}
	}
}

// PowerOff ends the guest: its first process must not return.
func PowerOff() {
	unix.Sync()
	_ = unix.Reboot(unix.LINUX_REBOOT_CMD_POWER_OFF)
	select {}
}

// vividParams makes vivid one device with a video capture node only and
// one input, a webcam (input type 0).
func vividParams(module string) string {
	if module == "vivid" {
		return "n_devs=1 node_types=0x1 num_inputs=1 input_types=0x0"
	}
	return ""
}

func loadModule(path, params string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.FinitModule(int(f.Fd()), params, 0)
}
