package history

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"
)

func TestEraseLeavesNoMinuteEventOrDayAndNoTraceOnDisk(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2025, 3, 14, 15, 0, 0, 0, time.UTC)
	s := mustOpen(t, t.TempDir(), Options{Now: func() time.Time { return now }, Location: time.UTC})
	rec := NewRecorder(s)
	at := now.Add(-2 * time.Hour)
	if err := rec.AddSpan(at, 30*time.Minute, Upright, ""); err != nil {
		t.Fatal(err)
	}
	if err := rec.AddSpan(at.Add(30*time.Minute), 10*time.Minute, Slouched, "leaning_in"); err != nil {
		t.Fatal(err)
	}
	rec.AddEvent(Event{At: at.Add(31 * time.Minute), Kind: EventAlert, Detail: "marker-leaning-in-xyzzy"})
	if err := rec.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	// An old day rolled up into the days table.
	old := now.AddDate(0, 0, -200)
	if err := s.Write(ctx, []Minute{{Start: old, Upright: time.Minute}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Prune(ctx); err != nil {
		t.Fatal(err)
	}
	if got := mustDay(t, s, old); got.Source != "summary" {
		t.Fatalf("the old day should be a summary before the erase, got %q", got.Source)
	}

	if err := s.Erase(ctx); err != nil {
		t.Fatal(err)
	}
	for _, day := range []time.Time{now, old} {
		if d := mustDay(t, s, day); d.MonitoredS != 0 || d.Alerts != 0 || d.UprightPct != nil {
			t.Errorf("%s after erase: %+v", d.Date, d)
		}
	}
	if ev, err := s.Events(ctx, old, now); err != nil || len(ev) != 0 {
		t.Errorf("events after erase: %v %v", ev, err)
	}
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(s.Path() + suffix)
		if err == nil && bytes.Contains(b, []byte("marker-leaning-in-xyzzy")) {
			t.Errorf("%s still holds the erased event's text", s.Path()+suffix)
		}
	}

	// The store records on.
	if err := s.Write(ctx, []Minute{{Start: now.Add(-time.Minute), Upright: 30 * time.Second}}, nil); err != nil {
		t.Fatal(err)
	}
	if d := mustDay(t, s, now); d.UprightS != 30 {
		t.Errorf("upright after erase and a new minute: %v", d.UprightS)
	}
}
