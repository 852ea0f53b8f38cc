package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// Hunch is installed as three programs side by side: hunch, the front users
// type (build_front.go); hunch-camera, which watches a camera or a clip and
// links only the OpenCV it needs for that (tag cameraonly); and hunch-watch,
// the whole of Hunch, for other recordings, the demo, eval and fit.
const (
	watchBinary  = "hunch-watch"
	cameraBinary = "hunch-camera"
)

// installedBeside is the path of the program name installed beside this
// one, or an error that says how to mend a broken install.
func installedBeside(name string) (string, error) {
	self, err := os.Executable()
	if err == nil {
		self, err = filepath.EvalSymlinks(self)
	}
	if err != nil {
		return "", fmt.Errorf("cannot find where hunch is installed (%v); run %s directly", err, name)
	}
	path := filepath.Join(filepath.Dir(self), name)
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("%s is missing beside %s; reinstall Hunch with 'make install'", name, self)
	}
	return path, nil
}

// runInstead runs the program installed beside this one as name, with args,
// in place of this process: same PID, same terminal, same exit code. It
// returns only when that cannot start.
func runInstead(name string, args []string) error {
	path, err := installedBeside(name)
	if err != nil {
		return err
	}
	argv := append([]string{path}, args...)
	return fmt.Errorf("start %s: %w", path, syscall.Exec(path, argv, os.Environ()))
}
