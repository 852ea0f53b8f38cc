//go:build front

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// The front: 'go build -tags front' leaves out every command that watches a
// camera or a recording, or opens a window (and with them OpenCV's 264
// shared libraries and Fyne's). What it keeps (help, report, export, doctor) starts
// in milliseconds; any other command is handed to hunch-watch, the whole of
// Hunch, installed beside it, which replaces this process (same PID, same
// terminal, same exit code).

// watchBinary is the whole of Hunch's file name, beside the front.
const watchBinary = "hunch-watch"

// elsewhere runs the command in hunch-watch, in place of this process.
func elsewhere(_ context.Context, _ []string, _, _ io.Writer) error {
	watch, err := watchPath()
	if err != nil {
		return err
	}
	argv := append([]string{watch}, os.Args[1:]...)
	return fmt.Errorf("start %s: %w", watch, syscall.Exec(watch, argv, os.Environ()))
}

// watchPath is where hunch-watch is installed: beside the front.
func watchPath() (string, error) {
	self, err := os.Executable()
	if err == nil {
		self, err = filepath.EvalSymlinks(self)
	}
	if err != nil {
		return "", fmt.Errorf("cannot find where hunch is installed (%v); run %s directly", err, watchBinary)
	}
	watch := filepath.Join(filepath.Dir(self), watchBinary)
	if _, err := os.Stat(watch); err != nil {
		return "", fmt.Errorf("%s is missing beside %s; reinstall Hunch with 'make install'", watchBinary, self)
	}
	return watch, nil
}
