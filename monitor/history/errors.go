package history

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// NoHistoryError says that a data directory holds no history database yet.
type NoHistoryError struct{ Dir string }

func (e *NoHistoryError) Error() string {
	return fmt.Sprintf("no history yet in %s; run hunch to start recording", e.Dir)
}

// CorruptError says that the history database cannot be read as a database.
// The caller may offer to move it aside with MoveAside; Hunch never deletes it.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("history database %s is damaged (%v); move it aside (hunch report --move-aside, or mv %s %s.corrupt) and Hunch starts a new one",
		e.Path, e.Err, e.Path, e.Path)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// LockedError says that another Hunch process is recording into the data
// directory. PID is 0 when the other process could not be identified.
type LockedError struct {
	Dir string
	PID int
}

func (e *LockedError) Error() string {
	who := "another Hunch process"
	if e.PID > 0 {
		who = fmt.Sprintf("another Hunch process (pid %d)", e.PID)
	}
	return fmt.Sprintf("%s is already recording into %s; close it, or use another --data-dir", who, e.Dir)
}

// WriteError says that the history could not be written, for example because
// the disk is full or the directory is read-only. Monitoring can go on: the
// Recorder keeps the unwritten minutes and tries again at its next flush.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string {
	return fmt.Sprintf("cannot write history to %s: %s", e.Path, fixFor(e.Err))
}

func (e *WriteError) Unwrap() error { return e.Err }

// fixFor turns a storage error into a short reason with what to do about it.
func fixFor(err error) string {
	switch {
	case isCode(err, sqlite3.SQLITE_FULL), errors.Is(err, syscall.ENOSPC):
		return "the disk is full; free some space (monitoring goes on meanwhile)"
	case isCode(err, sqlite3.SQLITE_READONLY), errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return "the file or its directory is read-only; fix its permissions or pass --data-dir DIR (monitoring goes on meanwhile)"
	case isCode(err, sqlite3.SQLITE_CANTOPEN):
		return "the file cannot be opened; check that the directory exists and is writable, or pass --data-dir DIR"
	}
	return err.Error()
}

// isCode reports whether err is a SQLite error with the given primary code.
func isCode(err error, code int) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == code
}

// isCorrupt reports whether err means the file is not a usable database.
func isCorrupt(err error) bool {
	return isCode(err, sqlite3.SQLITE_NOTADB) || isCode(err, sqlite3.SQLITE_CORRUPT) ||
		strings.Contains(err.Error(), "malformed")
}

// cause strips the operation and path from a *fs.PathError, leaving the reason.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
