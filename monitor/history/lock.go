package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// dirLock is an exclusive lock on a data directory, held by the one process
// that records into it. The operating system releases it when the process
// dies, so a crash never leaves a stale lock behind.
type dirLock struct{ f *os.File }

// lockDir takes the data directory's lock and writes our PID into the lock
// file, or returns a *LockedError naming the process that holds it.
func lockDir(dir string) (*dirLock, error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if held {
		b, _ := os.ReadFile(path)
		f.Close()
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		return nil, &LockedError{Dir: dir, PID: pid}
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &dirLock{f: f}, nil
}

// unlock releases the lock. The file stays: removing it would race with a
// process that has just opened it.
func (l *dirLock) unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	unlockFile(l.f)
	err := l.f.Close()
	l.f = nil
	return err
}
