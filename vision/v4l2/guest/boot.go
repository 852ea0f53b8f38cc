package guest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// KernelDir is where scripts/fetch-test-kernel.sh puts the kernel
// (vmlinuz) and its media driver modules (modules/*.ko).
func KernelDir() string {
	if d := os.Getenv("HUNCH_TEST_KERNEL"); d != "" {
		return d
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(cache, "hunch", "test-kernel")
}

// Boot starts the kernel in KernelDir under qemu with the initial file
// system at initrd and memMB of memory, until the guest powers off or ctx
// ends, and returns what the guest printed on its console.
func Boot(ctx context.Context, initrd string, memMB int) (string, error) {
	kernel := filepath.Join(KernelDir(), "vmlinuz")
	qemu, err := exec.LookPath("qemu-system-x86_64")
	if _, serr := os.Stat(kernel); err != nil || serr != nil {
		return "", fmt.Errorf("qemu or the test kernel is missing (%v, %v); run 'make deps-test'", err, serr)
	}
	cmd := exec.CommandContext(ctx, qemu, "-m", strconv.Itoa(memMB), "-nographic", "-no-reboot", "-nodefaults", "-serial", "stdio",
		"-kernel", kernel, "-initrd", initrd, "-append", "console=ttyS0 quiet panic=-1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	return strings.ReplaceAll(out.String(), "\r", ""), err
}
