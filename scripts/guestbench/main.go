// Command guestbench measures Hunch's programs watching a real V4L2
// camera: the vivid test driver, in a throwaway Linux kernel under qemu
// (vision/v4l2/guest), for a machine without a camera. Each program runs
// 'analyze --camera 0 --fps 2 --profile PROFILE' for the seconds asked, one
// after the other in the same guest, and the table gives each one's peak
// RSS and CPU time. vivid shows a test pattern, no face: the face detector
// runs on every analysed frame and finds no one. The guest is emulated (no
// KVM here), so its CPU figures are many times the host's: compare the
// programs with each other, not with other rows.
//
//	CGO_ENABLED=0 go build -o guestbench ./scripts/guestbench
//	./guestbench SECONDS PROFILE PROGRAM...      (make bench-process runs it)
//
// The programs go into the guest with every shared library ldd finds for
// them. The same executable is the guest's first process (it must be
// static, hence CGO_ENABLED=0).
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/hunch-posture/hunch/vision/v4l2/guest"
)

func main() {
	if guest.InGuest {
		inGuest()
		return
	}
	if len(os.Args) < 4 {
		fmt.Fprintln(os.Stderr, "usage: guestbench SECONDS PROFILE PROGRAM...")
		os.Exit(2)
	}
	seconds, err := strconv.Atoi(os.Args[1])
	if err != nil || seconds < 5 {
		fmt.Fprintf(os.Stderr, "guestbench: seconds %q: give a whole number, 5 or more\n", os.Args[1])
		os.Exit(2)
	}
	if err := onHost(seconds, os.Args[2], os.Args[3:]); err != nil {
		fmt.Fprintln(os.Stderr, "guestbench:", err)
		os.Exit(1)
	}
}
