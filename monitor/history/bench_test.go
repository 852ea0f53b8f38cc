package history

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// yearOfMinutes writes a year of working days into a fresh store: 8 hours a
// day (09:00–17:00 UTC), 365 days, about 175,000 minute rows, in one
// transaction, with slouches of two kinds, away minutes, and an alert an hour.
func yearOfMinutes(tb testing.TB, dir string, last time.Time) *Store {
	tb.Helper()
	s, err := Open(ctx, dir, Options{Location: time.UTC, Retention: -1})
	if err != nil {
		tb.Fatal(err)
	}
	var ms []Minute
	var events []Event
	for d := 0; d < 365; d++ {
		day := last.AddDate(0, 0, -d)
		for i := 0; i < 8*60; i++ {
			m := Minute{Start: day.Add(9*time.Hour + time.Duration(i)*time.Minute)}
			switch i % 20 {
			case 0, 1, 2:
				m.Slouched = map[string]time.Duration{"hunched": 40 * time.Second, "leaning_in": 10 * time.Second}
				m.Upright = 10 * time.Second
			case 3:
				m.Away = time.Minute
			default:
				m.Upright = 58 * time.Second
				m.Away = 2 * time.Second
			}
			if i%60 == 1 {
				m.Alerts = 1
				events = append(events, Event{At: m.Start.Add(20 * time.Second), Kind: EventAlert, Detail: "hunched"})
			}
			ms = append(ms, m)
		}
	}
	if err := s.Write(ctx, ms, events); err != nil {
		tb.Fatal(err)
	}
	return s
}

var benchLast = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)

func BenchmarkDailyReport(b *testing.B) {
	s := yearOfMinutes(b, b.TempDir(), benchLast)
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Day(ctx, benchLast.AddDate(0, 0, -(i%365))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWeeklyReport(b *testing.B) {
	s := yearOfMinutes(b, b.TempDir(), benchLast)
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Week(ctx, benchLast.AddDate(0, 0, -(i%358))); err != nil {
			b.Fatal(err)
		}
	}
}

// TestYearOfHistory checks the benchmark's premise in plain go test: with a
// year of minute rows the daily and weekly reports answer, and it logs the
// database's size for the year. Their speed is the benchmarks' to measure
// (a timed test fails on a busy machine or under the race detector).
func TestYearOfHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a year of minute rows")
	}
	dir := t.TempDir()
	s := yearOfMinutes(t, dir, benchLast)
	var n int
	s.db.QueryRow("SELECT count(*) FROM minutes").Scan(&n)
	for _, f := range []func() error{
		func() error { _, err := s.Day(ctx, benchLast.AddDate(0, 0, -100)); return err },
		func() error { _, err := s.Week(ctx, benchLast.AddDate(0, 0, -100)); return err },
	} {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	s.Close() // checkpoints the WAL
	fi, err := os.Stat(filepath.Join(dir, DBName))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d minute rows: database %.1f MB (%.0f bytes a minute)", n, float64(fi.Size())/1e6, float64(fi.Size())/float64(n))

	// With the default retention: 90 days of minutes, 275 day summaries.
	s, err = Open(ctx, dir, Options{Location: time.UTC, Now: func() time.Time { return benchLast.Add(12 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pages, free, size int64
	s.db.QueryRow("PRAGMA page_count").Scan(&pages)
	s.db.QueryRow("PRAGMA freelist_count").Scan(&free)
	s.db.QueryRow("PRAGMA page_size").Scan(&size)
	var days, blob int64
	s.db.QueryRow("SELECT count(*), sum(length(report)) FROM days").Scan(&days, &blob)
	t.Logf("after pruning to 90 days: %.1f MB in use; %d day summaries, %.1f kB each", float64((pages-free)*size)/1e6, days, float64(blob)/float64(days)/1e3)
}
