package history

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseDay feeds arbitrary text and clocks to the CLI's day parser: it
// never panics, a refusal is one line naming the accepted forms, an accepted
// day is a local midnight, and a date prints back as the text it came from.
func FuzzParseDay(f *testing.F) {
	now := time.Date(2026, 5, 5, 9, 0, 0, 0, time.UTC).Unix()
	for _, s := range []string{"today", "yesterday", "", "2026-05-04", "2026-02-30", "2026-5-4", "04/05/2026",
		"0000-01-01", "9999-12-31", "2026-05-04T10:00:00Z", " today", "2026-13-01"} {
		f.Add(s, now, "Europe/Berlin")
	}
	f.Add("2026-10-25", now, "America/Sao_Paulo")
	f.Add("yesterday", int64(0), "UTC")
	f.Fuzz(func(t *testing.T, s string, unix int64, zone string) {
		loc, err := time.LoadLocation(zone)
		if err != nil || zone == "" || zone == "Local" {
			loc = time.UTC
		}
		// Clocks from year 1 to 9999: what a machine can be set to.
		now := time.Unix(unix%253402300799, 0)
		day, err := ParseDay(s, now, loc)
		if err != nil {
			if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, "want YYYY-MM-DD, today or yesterday") {
				t.Fatalf("ParseDay(%q): error %q, want one line naming the forms", s, msg)
			}
			return
		}
		if day.Location() != loc {
			t.Fatalf("ParseDay(%q) = %v, not in %v", s, day, loc)
		}
		if start, _ := dayBounds(day, loc); !start.Equal(day) {
			t.Fatalf("ParseDay(%q) = %v, not the start of its day %v", s, day, start)
		}
		if s == "today" || s == "yesterday" || s == "" {
			return
		}
		if back := day.Format(time.DateOnly); back != s {
			t.Fatalf("ParseDay(%q) = %v, which prints as %q", s, day, back)
		}
		again, err := ParseDay(day.Format(time.DateOnly), now, loc)
		if err != nil || !again.Equal(day) {
			t.Fatalf("ParseDay(%q) = %v, but its own date parses as %v (%v)", s, day, again, err)
		}
	})
}
