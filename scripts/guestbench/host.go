package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/hunch-posture/hunch/vision/v4l2/guest"
)

// planPath is where the guest finds what to run: one program a line, its
// seconds then its command line.
const planPath = "/bench/plan"

// rowPrefix starts each of the guest's table rows on its console, and
// saidPrefix the last line each program wrote.
const (
	rowPrefix  = "guestbench-row: "
	saidPrefix = "guestbench-said: "
)

// guestMemoryMB holds the initial file system (the programs and about
// 300 MB of libraries, twice while it unpacks) and the programs running.
const guestMemoryMB = 2048

// guestProfile is where the guest finds the calibration the programs use.
const guestProfile = "/bench/profile.json"

// onHost builds the guest with the programs, their libraries and the
// profile, boots it and prints the table its console gives.
func onHost(seconds int, profile string, programs []string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	init, err := os.ReadFile(self)
	if err != nil {
		return err
	}
	initrd := guest.NewInitrd(init)
	if err := initrd.AddModules(filepath.Join(guest.KernelDir(), "modules"), "vivid"); err != nil {
		return fmt.Errorf("%v; run 'make deps-test'", err)
	}
	b, err := os.ReadFile(profile)
	if err != nil {
		return fmt.Errorf("the profile: %v; make one with 'hunch calibrate --input CLIP --out FILE'", err)
	}
	initrd.AddFile(guestProfile, 0o644, b)
	var plan strings.Builder
	added := map[string]bool{} // the programs share most of their libraries
	for _, p := range programs {
		if err := addProgram(initrd, p, added); err != nil {
			return err
		}
		fmt.Fprintf(&plan, "%d /bench/%s analyze --camera 0 --fps 2 --profile %s\n", seconds, filepath.Base(p), guestProfile)
	}
	initrd.AddFile(planPath, 0o644, []byte(plan.String()))
	dir, err := os.MkdirTemp("", "guestbench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "initrd.cpio")
	if err := initrd.Write(path); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(seconds*len(programs))*time.Second+5*time.Minute)
	defer cancel()
	console, err := guest.Boot(ctx, path, guestMemoryMB)
	rows := 0
	for _, l := range strings.Split(console, "\n") {
		if i := strings.Index(l, rowPrefix); i >= 0 { // after any terminal codes
			fmt.Println(l[i+len(rowPrefix):])
			rows++
		}
		if i := strings.Index(l, saidPrefix); i >= 0 {
			fmt.Fprintln(os.Stderr, "guestbench:", l[i+len(saidPrefix):])
		}
	}
	if err != nil || rows != len(programs) {
		return fmt.Errorf("the guest gave %d of %d rows (%v):\n%s", rows, len(programs), err, console)
	}
	return nil
}

// addProgram puts the program at /bench in the guest, with every shared
// library ldd finds for it at the same path as on the host, but those
// already added.
func addProgram(initrd *guest.Initrd, program string, added map[string]bool) error {
	b, err := os.ReadFile(program)
	if err != nil {
		return err
	}
	initrd.AddFile("/bench/"+filepath.Base(program), 0o755, b)
	out, err := exec.Command("ldd", program).Output()
	if err != nil {
		return fmt.Errorf("ldd %s: %v", program, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		// "libfoo.so.1 => /lib/x86_64-linux-gnu/libfoo.so.1 (0x...)" or
		// "/lib64/ld-linux-x86-64.so.2 (0x...)"
		f := strings.Fields(sc.Text())
		lib := ""
		switch {
		case len(f) >= 3 && f[1] == "=>":
			lib = f[2]
		case len(f) >= 1 && strings.HasPrefix(f[0], "/"):
			lib = f[0]
		}
		if lib == "" || !strings.HasPrefix(lib, "/") || added[lib] {
			continue // linux-vdso, which the kernel provides, or added already
		}
		added[lib] = true
		if err := initrd.AddHostFile(lib); err != nil {
			return fmt.Errorf("%s needs %s: %v", program, lib, err)
		}
	}
	return nil
}
