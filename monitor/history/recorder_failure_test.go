package history

import (
	"context"
	"testing"
	"time"
)

// failWrites makes every write of a minute fail (as a full disk does) or
// lets writes through again.
func failWrites(t *testing.T, s *Store, fail bool) {
	t.Helper()
	q := "DROP TRIGGER IF EXISTS fail_writes"
	if fail {
		q = "CREATE TRIGGER fail_writes BEFORE INSERT ON minutes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
	}
	if _, err := s.db.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// TestAnAlertBookedWhileWritesFailIsKept: a frame that alerts while the
// store cannot be written keeps both its span and its alert pending; both
// are written once writes work again.
func TestAnAlertBookedWhileWritesFailIsKept(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s := mustOpen(t, t.TempDir(), Options{Now: (&clock{t0}).Now, Location: time.UTC})
	r := NewRecorder(s)
	if err := r.Book(t0.Add(30*time.Second), 30*time.Second, Upright, "", false); err != nil {
		t.Fatal(err)
	}
	failWrites(t, s, true)
	if err := r.Book(t0.Add(61*time.Second), 31*time.Second, Slouched, "hunched", true); err == nil {
		t.Fatal("a minute was written while writes fail")
	}
	failWrites(t, s, false)
	if err := r.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	d := mustDay(t, s, t0)
	events, err := s.Events(context.Background(), t0, t0.Add(time.Hour))
	if d.SlouchedS != 31 || d.Alerts != 1 || len(events) != 1 || err != nil {
		t.Errorf("slouched %v s, %d alerts, events %+v (%v): want 31 s, the alert and its event", d.SlouchedS, d.Alerts, events, err)
	}
}

// TestErasedHistoryDoesNotComeBackAfterAFailedWrite: minutes whose write
// failed (a full disk) are pending when the user deletes the history; they
// are deleted with it, not written into the emptied store afterwards.
func TestErasedHistoryDoesNotComeBackAfterAFailedWrite(t *testing.T) {
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	s := mustOpen(t, t.TempDir(), Options{Now: (&clock{t0}).Now, Location: time.UTC})
	r := NewRecorder(s)
	ctx := context.Background()
	failWrites(t, s, true)
	for i := 1; i <= 10; i++ {
		r.Book(t0.Add(time.Duration(i)*time.Minute), time.Minute, Slouched, "hunched", i == 5)
	}
	failWrites(t, s, false)
	if err := r.Erase(ctx); err != nil {
		t.Fatal(err)
	}
	if err := r.Book(t0.Add(11*time.Minute), time.Minute, Upright, "", false); err != nil {
		t.Fatal(err)
	}
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	d := mustDay(t, s, t0)
	events, _ := s.Events(ctx, t0, t0.Add(time.Hour))
	if d.SlouchedS != 0 || d.Alerts != 0 || len(events) != 0 || d.UprightS != 60 {
		t.Errorf("after the erase: slouched %v s, %d alerts, %d events, upright %v s; want only the minute recorded after it", d.SlouchedS, d.Alerts, len(events), d.UprightS)
	}
}
