package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hunch-posture/hunch/vision/v4l2/guest"
)

// inGuest runs the plan's programs one after the other on vivid's camera
// and prints a row for each, then powers the guest off.
func inGuest() {
	defer guest.PowerOff()
	if err := guest.Start(); err != nil {
		fmt.Println("guestbench:", err)
		return
	}
	plan, err := os.ReadFile(planPath)
	if err != nil {
		fmt.Println("guestbench:", err)
		return
	}
	for _, line := range strings.Split(strings.TrimSpace(string(plan)), "\n") {
		f := strings.Fields(line)
		seconds, _ := strconv.Atoi(f[0])
		row, said := measure(time.Duration(seconds)*time.Second, f[1:])
		fmt.Println(rowPrefix + row)
		fmt.Println(saidPrefix + said)
	}
}

// measure runs the command for d, then interrupts it as Ctrl-C would, and
// gives its row (wall time, CPU time as a share of one core, peak RSS) and
// the last line it wrote.
func measure(d time.Duration, command []string) (row, said string) {
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Env = []string{"HOME=/tmp/home", "XDG_CONFIG_HOME=/tmp/home/config", "XDG_CACHE_HOME=/tmp/home/cache",
		"XDG_DATA_HOME=/tmp/home/data", "LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu"}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	name := command[0][strings.LastIndex(command[0], "/")+1:]
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return fmt.Sprintf("| %s | did not start |", name), err.Error()
	}
	time.AfterFunc(d, func() { cmd.Process.Signal(os.Interrupt) })
	err := cmd.Wait()
	wall := time.Since(start)
	use, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if use == nil {
		return fmt.Sprintf("| %s | no usage |", name), fmt.Sprint(err)
	}
	cpu := time.Duration(use.Utime.Nano() + use.Stime.Nano())
	last := out.String()
	return fmt.Sprintf("| %s analyze --camera 0 --fps 2 (vivid, emulated) | %.1f s | %.1f%% | %d MB |",
		name, wall.Seconds(), 100*cpu.Seconds()/wall.Seconds(), use.Maxrss/1024), name + ": " + oneLine(last)
}

// oneLine is the last line a program wrote, for the table.
func oneLine(out string) string {
	out = strings.TrimSpace(out)
	if i := strings.LastIndex(out, "\n"); i >= 0 {
		out = out[i+1:]
	}
	return out
}
