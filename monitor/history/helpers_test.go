package history

import (
	"context"
	"testing"
	"time"
)

// clock is a settable fake clock.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }

func mustLoc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Skipf("time zone %s not available: %v", name, err)
	}
	return loc
}

// mustOpen opens a writable store in dir and closes it when the test ends.
func mustOpen(tb testing.TB, dir string, opts Options) *Store {
	tb.Helper()
	s, err := Open(context.Background(), dir, opts)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func mustDay(tb testing.TB, s *Store, day time.Time) DayReport {
	tb.Helper()
	r, err := s.Day(context.Background(), day)
	if err != nil {
		tb.Fatalf("day: %v", err)
	}
	return r
}
