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
		return time.Date(y, m, d-1, 0, 0, 0, 0, loc), nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD, today or yesterday", s)
	}
	start, _ := dayBounds(t, loc)
	return start, nil
}
