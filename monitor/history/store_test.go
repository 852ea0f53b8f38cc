package history

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var ctx = context.Background()

func TestOpenCreatesPrivateDirAndFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "hunch")
	s := mustOpen(t, dir, Options{})
	rec := NewRecorder(s)
	at := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	if err := rec.AddSpan(at, 90*time.Second, Upright, ""); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	mode := func(p string) os.FileMode {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Mode().Perm()
	}
	if m := mode(dir); m != 0o700 {
		t.Errorf("data dir mode %v, want 0700", m)
	}
	for _, f := range []string{DBName, DBName + "-wal", DBName + "-shm", lockName} {
		if m := mode(filepath.Join(dir, f)); m != 0o600 {
			t.Errorf("%s mode %v, want 0600", f, m)
		}
	}
}

func TestSchemaVersionRecorded(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{})
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion || v < 2 {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion)
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode = %q, want wal", mode)
	}
}

func TestMigratesFromTheFirstSchema(t *testing.T) {
	dir := t.TempDir()
	old, err := Open(ctx, dir, Options{upTo: 1})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	// Written with the first schema's SQL, as the first release would have.
	if _, err := old.db.Exec(`INSERT INTO minutes (minute, upright_ms, away_ms, paused_ms, alerts) VALUES (?, 40000, 5000, 0, 1)`, day.Unix()/60); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.Exec(`INSERT INTO minute_slouch (minute, kind, ms) VALUES (?, 'hunched', 15000)`, day.Unix()/60); err != nil {
		t.Fatal(err)
	}
	var v int
	old.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("first schema user_version = %d", v)
	}
	old.Close()

	s := mustOpen(t, dir, Options{Location: time.UTC, Now: func() time.Time { return day }})
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion {
		t.Fatalf("after migration user_version = %d, want %d", v, SchemaVersion)
	}
	r := mustDay(t, s, day)
	if r.UprightS != 40 || r.SlouchedS != 15 || r.AwayS != 5 || r.Alerts != 1 || r.SlouchedByKindS["hunched"] != 15 {
		t.Fatalf("migrated day = %+v", r)
	}
	if _, err := s.db.Exec("SELECT count(*) FROM days"); err != nil {
		t.Fatalf("days table missing after migration: %v", err)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{})
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	_, err := Open(ctx, dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer Hunch") {
		t.Fatalf("err = %v, want a newer-Hunch error", err)
	}
}

func TestReadingAMissingHistorySaysHowToStart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nothing")
	_, err := Open(ctx, dir, Options{ReadOnly: true})
	var nh *NoHistoryError
	if !errors.As(err, &nh) {
		t.Fatalf("err = %v, want *NoHistoryError", err)
	}
	want := "no history yet in " + dir + "; run hunch to start recording"
	if err.Error() != want {
		t.Fatalf("err = %q, want %q", err, want)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatal("a read-only open created the data directory")
	}
}

func TestACorruptDatabaseIsNamedAndCanBeMovedAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, DBName)
	junk := []byte(strings.Repeat("this is not a database. ", 400))
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		_, err := Open(ctx, dir, Options{ReadOnly: ro})
		var ce *CorruptError
		if !errors.As(err, &ce) {
			t.Fatalf("readOnly=%v: err = %v, want *CorruptError", ro, err)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move it aside") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("error should be one line naming the file and the fix: %q", err)
		}
	}
	now := time.Date(2026, 5, 4, 9, 30, 0, 0, time.UTC)
	to, err := MoveAside(path, now)
	if err != nil {
		t.Fatal(err)
	}
	if to != path+".corrupt-20260504-093000" {
		t.Fatalf("moved to %s", to)
	}
	if b, _ := os.ReadFile(to); string(b) != string(junk) {
		t.Fatal("the damaged file's content was not kept")
	}
	mustOpen(t, dir, Options{}) // a fresh database starts
}

func TestADamagedPageIsFoundAtOpen(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{Retention: -1})
	var ms []Minute
	base := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3000; i++ {
		ms = append(ms, Minute{Start: base.Add(time.Duration(i) * time.Minute), Upright: time.Minute})
	}
	if err := s.Write(ctx, ms, nil); err != nil {
		t.Fatal(err)
	}
	s.Close() // checkpoints the WAL into the database file
	path := filepath.Join(dir, DBName)
	b, _ := os.ReadFile(path)
	for i := 4096 * 2; i < len(b)-4096; i++ { // scribble over the pages after the schema
		b[i] = 0xA5
	}
	os.WriteFile(path, b, 0o600)
	_, err := Open(ctx, dir, Options{})
	var ce *CorruptError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *CorruptError", err)
	}
}

func TestASecondWriterIsRefusedNamingTheFirst(t *testing.T) {
	dir := t.TempDir()
	first := mustOpen(t, dir, Options{})
	_, err := Open(ctx, dir, Options{})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("err = %v, want *LockedError with pid %d", err, os.Getpid())
	}
	if !strings.Contains(err.Error(), "pid ") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("error should name the pid and the directory: %q", err)
	}
	// Readers (hunch report) are not kept out.
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reader while a writer records: %v", err)
	}
	r.Close()
	first.Close()
	mustOpen(t, dir, Options{})
}

func TestAFullDiskIsAClearErrorAndNothingIsLost(t *testing.T) {
	dir := t.TempDir()
	// max_page_count makes SQLite report SQLITE_FULL, exactly as a full disk does.
	s := mustOpen(t, dir, Options{Location: time.UTC})
	var pages int
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	rec := NewRecorder(s)
	start := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	var werr error
	for i := 0; i < 600; i++ {
		if err := rec.AddSpan(start.Add(time.Duration(i)*time.Minute), time.Minute, Slouched, "kind-"+strings.Repeat("x", i%50)); err != nil {
			werr = err
		}
	}
	var we *WriteError
	if !errors.As(werr, &we) || !strings.Contains(werr.Error(), "disk is full") || !strings.Contains(werr.Error(), s.Path()) {
		t.Fatalf("err = %v, want a full-disk *WriteError naming the file", werr)
	}
	// Space comes back: the pending minutes are written at the next flush.
	if _, err := s.db.Exec("PRAGMA max_page_count = 1000000"); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	if r := mustDay(t, s, start); r.SlouchedS != 600*60 {
		t.Fatalf("slouched %v s after the disk freed up, want %v", r.SlouchedS, 600*60)
	}
}

func TestAReadOnlyDirectoryIsAClearError(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not apply")
	}
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err := Open(ctx, dir, Options{})
	if err == nil || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err = %v, want an error naming %s", err, dir)
	}
}

func TestDefaultDataDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := func() (string, error) { return "/home/ann", nil }
	cases := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"linux", nil, "/home/ann/.local/share/hunch"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data"}, "/data/hunch"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, "/home/ann/.local/share/hunch"},
		{"darwin", nil, "/home/ann/Library/Application Support/Hunch"},
		{"windows", map[string]string{"LocalAppData": `C:\Users\ann\AppData\Local`}, filepath.Join(`C:\Users\ann\AppData\Local`, "Hunch")},
	}
	for _, c := range cases {
		got, err := defaultDataDir(c.goos, env(c.env), home)
		if err != nil || got != c.want {
			t.Errorf("%s %v: %q, %v; want %q", c.goos, c.env, got, err, c.want)
		}
	}
}

func TestAClosedStoreAnswersWithAnErrorNotAPanic(t *testing.T) {
	s, err := Open(context.Background(), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
	if _, err := s.Day(context.Background(), time.Now()); err == nil {
		t.Error("a closed store read a day")
	}
}

// A report opened while the app is in the middle of a write (its
// transaction holds SQLite's write lock) reads at once: a reader of a history
// that is up to date takes no write lock, so it never waits for the writer or
// gives up with "database is locked".
func TestAReaderDoesNotWaitForTheWritersTransaction(t *testing.T) {
	dir := t.TempDir()
	w := mustOpen(t, dir, Options{Location: time.UTC})
	defer w.Close()
	tx, err := w.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// Shorter than the busy timeout: a reader that wanted the write lock
	// would still be waiting when this context ends.
	short, cancel := context.WithTimeout(ctx, busyTimeout/2)
	defer cancel()
	r, err := Open(short, dir, Options{Location: time.UTC, ReadOnly: true})
	if err != nil {
		t.Fatalf("a reader while the writer holds its lock: %v", err)
	}
	r.Close()
}
