package history

import (
	"context"
	"strings"
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

func TestExportingAcrossASkippedMidnightListsEachDayOnce(t *testing.T) {
	loc, err := time.LoadLocation("America/Sao_Paulo")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	now := func() time.Time { return time.Date(2018, 11, 10, 12, 0, 0, 0, loc) }
	s := mustOpen(t, t.TempDir(), Options{Now: now, Location: loc})
	// Something recorded on the first and the last day: a history's days
	// are those it has records for.
	err = s.Write(context.Background(), nil, []Event{
		{At: time.Date(2018, 11, 3, 9, 0, 0, 0, loc), Kind: EventAlert}, {At: time.Date(2018, 11, 5, 9, 0, 0, 0, loc), Kind: EventAlert}})
	if err != nil {
		t.Fatal(err)
	}
	x, err := s.Export(context.Background(), time.Date(2018, 11, 3, 12, 0, 0, 0, loc), time.Date(2018, 11, 5, 12, 0, 0, 0, loc))
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, d := range x.Days {
		dates = append(dates, d.Date)
	}
	if got := strings.Join(dates, " "); got != "2018-11-03 2018-11-04 2018-11-05" {
		t.Errorf("exported days %q, want 3, 4 and 5 November once each", got)
	}
}
