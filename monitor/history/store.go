package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// DefaultRetention is how long minute rows are kept; daily summaries are kept
// for good.
const DefaultRetention = 90 * 24 * time.Hour

// busyTimeout is how long a statement waits for another connection's lock.
const busyTimeout = 5 * time.Second

// Options configure a Store. The zero value records into the data directory
// with the real clock, the local zone and 90 days of minute rows.
type Options struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// Location is the zone whose days the reports use; time.Local when nil.
	Location *time.Location
	// Retention is how long minute rows are kept before their days are rolled
	// up and the minutes pruned: DefaultRetention when zero, forever when
	// negative.
	Retention time.Duration
	// ReadOnly opens an existing history to read it (reports, export): it
	// neither creates the database nor takes the writer's lock, so it works
	// while the app records. A missing database is a *NoHistoryError.
	ReadOnly bool

	// upTo stops migrations at this schema version, for migration tests.
	upTo int
}

// Store is the posture history in one data directory. It is safe for
// concurrent use.
type Store struct {
	db        *sql.DB
	dir, path string
	lock      *dirLock
	now       func() time.Time
	loc       *time.Location
	retention time.Duration
	readOnly  bool
	closed    bool
}

// Open opens the history in dir (see DefaultDataDir), creating the directory
// (0700) and the database (0600) unless opts.ReadOnly. A writer takes an
// exclusive lock on the directory, so a second recording process gets a
// *LockedError naming the first; it applies pending migrations and prunes
// old minute rows. A damaged database gives a *CorruptError.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	s := &Store{
		dir:       dir,
		path:      filepath.Join(dir, DBName),
		now:       opts.Now,
		loc:       opts.Location,
		retention: opts.Retention,
		readOnly:  opts.ReadOnly,
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.loc == nil {
		s.loc = time.Local
	}
	if s.retention == 0 {
		s.retention = DefaultRetention
	}
	if err := s.open(ctx, opts); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) open(ctx context.Context, opts Options) error {
	if s.readOnly {
		if _, err := os.Stat(s.path); errors.Is(err, fs.ErrNotExist) {
			return &NoHistoryError{Dir: s.dir}
		} else if err != nil {
			return fmt.Errorf("open history %s: %w", s.path, cause(err))
		}
	} else {
		if err := ensureDir(s.dir); err != nil {
			return err
		}
		l, err := lockDir(s.dir)
		if err != nil {
			return err
		}
		s.lock = l
		// Create the file ourselves so that it is private from the start;
		// SQLite gives the -wal and -shm files the database file's mode.
		f, err := os.OpenFile(s.path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return &WriteError{Path: s.path, Err: err}
		}
		f.Close()
	}
	if err := checkReadable(s.path); err != nil {
		return err
	}

	q := []string{
		fmt.Sprintf("_busy_timeout=%d", busyTimeout.Milliseconds()),
		"_pragma=journal_mode(wal)",
		// In WAL mode, NORMAL loses no committed transaction when the process
		// dies (only on power loss) and never corrupts the database.
		"_pragma=synchronous(normal)",
		"_txlock=immediate",
	}
	db, err := sql.Open("sqlite", s.path+"?"+strings.Join(q, "&"))
	if err != nil {
		return fmt.Errorf("open history %s: %w", s.path, err)
	}
	// One connection: writes are serialised in this process anyway, and a
	// reader elsewhere (hunch report) reads the WAL concurrently.
	db.SetMaxOpenConns(1)
	s.db = db

	if err := s.check(ctx); err != nil {
		return err
	}
	upTo := SchemaVersion
	if opts.upTo > 0 {
		upTo = opts.upTo
	}
	if err := migrate(ctx, db, upTo); err != nil {
		if isCorrupt(err) {
			return &CorruptError{Path: s.path, Err: err}
		}
		return fmt.Errorf("open history %s: %w", s.path, err)
	}
	if s.readOnly {
		return nil
	}
	s.tightenModes()
	if opts.upTo == 0 {
		if err := s.Prune(ctx); err != nil {
			return err
		}
	}
	return nil
}

// checkReadable turns a file we cannot read into an error naming it.
func checkReadable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("history database %s cannot be read: %v; fix its permissions or pass --data-dir DIR", path, cause(err))
	}
	return f.Close()
}

// check reads the schema and, for a writer, runs SQLite's quick integrity
// check, so a damaged file is reported at open rather than mid-session.
func (s *Store) check(ctx context.Context) error {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n)
	if err == nil && !s.readOnly {
		var res string
		err = s.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res)
		if err == nil && res != "ok" {
			err = errors.New(res)
			return &CorruptError{Path: s.path, Err: err}
		}
	}
	switch {
	case err == nil:
		return nil
	case isCorrupt(err):
		return &CorruptError{Path: s.path, Err: err}
	default:
		return fmt.Errorf("open history %s: %s", s.path, fixFor(err))
	}
}

// tightenModes makes the database and its -wal and -shm files private (0600),
// whatever mode they were created with.
func (s *Store) tightenModes() {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		p := s.path + suffix
		if fi, err := os.Stat(p); err == nil && fi.Mode().Perm()&0o077 != 0 {
			os.Chmod(p, 0o600)
		}
	}
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Dir is the data directory.
func (s *Store) Dir() string { return s.dir }

// Location is the zone whose days the reports use.
func (s *Store) Location() *time.Location { return s.loc }

// Close closes the database and releases the directory's lock. A closed
// store answers every later call with an error (never a panic).
func (s *Store) Close() error {
	var err error
	if !s.closed && s.db != nil {
		err = s.db.Close()
		s.closed = true
	}
	if lerr := s.lock.unlock(); err == nil {
		err = lerr
	}
	return err
}

// MoveAside renames a damaged database (and its -wal and -shm files) to
// PATH.corrupt-YYYYMMDD-HHMMSS so that a new one can start; it never deletes
// anything. It returns the new name of the database file.
func MoveAside(path string, now time.Time) (string, error) {
	to := path + ".corrupt-" + now.UTC().Format("20060102-150405")
	if err := os.Rename(path, to); err != nil {
		return "", fmt.Errorf("move %s aside: %w", path, cause(err))
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			if err := os.Rename(path+suffix, to+suffix); err != nil {
				return to, fmt.Errorf("move %s aside: %w", path+suffix, cause(err))
			}
		}
	}
	return to, nil
}
