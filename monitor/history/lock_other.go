//go:build !unix && !windows

package history

import "os"

// tryLock cannot lock on this platform: a second writer is not kept out, and
// SQLite's own locking is all that protects the database.
func tryLock(f *os.File) (held bool, err error) { return false, nil }

func unlockFile(f *os.File) {}
