package history

import (
	"testing"
	"time"
)

func TestADayWhoseMidnightIsSkippedStartsAtTheClockChange(t *testing.T) {
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	// On 4 November 2018 São Paulo's clocks went from 00:00 straight to 01:00.
	start, end := dayBounds(time.Date(2018, 11, 4, 12, 0, 0, 0, loc), loc)
	if got := start.In(loc); got.Day() != 4 || got.Hour() != 1 {
		t.Errorf("the day starts at %v, want 4 November 01:00", got)
	}
	if got := end.In(loc); got.Day() != 5 || got.Hour() != 0 {
		t.Errorf("the day ends at %v, want 5 November 00:00", got)
	}
	if length := end.Sub(start); length != 23*time.Hour {
		t.Errorf("the day lasts %v, want 23 h", length)
	}
	// An ordinary day is untouched.
	start, end = dayBounds(time.Date(2018, 11, 6, 12, 0, 0, 0, loc), loc)
	if start.In(loc).Hour() != 0 || end.Sub(start) != 24*time.Hour {
		t.Errorf("an ordinary day: %v to %v", start, end)
	}
}
