package history

import (
	"fmt"
	"time"
)

// ParseDay reads a day as the CLI takes it: "today", "yesterday" or
// YYYY-MM-DD, in loc, relative to now. It returns the day's local midnight.
func ParseDay(s string, now time.Time, loc *time.Location) (time.Time, error) {
	today, _ := dayBounds(now, loc)
	y, m, d := today.Date()
	switch s {
	case "today", "":
		return today, nil
	case "yesterday":
		return dayStart(y, m, d-1, loc), nil
	}
	// The calendar date, then its first instant where the user lives (which
	// is not always 00:00).
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD, today or yesterday", s)
	}
	y, m, d = t.Date()
	return dayStart(y, m, d, loc), nil
}
