package history

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"
)

// maxPending bounds the minutes a Recorder keeps in memory while the store
// cannot be written (a full disk): a day's worth; older ones are dropped.
const maxPending = 24 * 60

// Recorder turns the engine's time-stamped spans and events into per-minute
// aggregates, and writes each minute to the Store, in one transaction, as soon
// as a later span shows the minute is complete. Close (or Flush) writes the
// partial minute too, so a crash loses at most the minute in progress.
//
// A write that fails (full disk, read-only directory) returns a *WriteError
// from the call that triggered it; the minutes stay pending and are written
// at the next flush, so the caller can log the error and keep monitoring.
// A Recorder is safe for concurrent use.
type Recorder struct {
	mu        sync.Mutex
	s         *Store
	pending   map[int64]*Minute
	events    []Event
	current   int64 // the latest minute a span reached; earlier ones are complete
	lastPrune time.Time
	dropped   int
}

// NewRecorder returns a Recorder writing into s, which must be opened for
// writing. Spans may be live (the engine's clock) or replayed from a
// recording (analyze --record: start + t).
func NewRecorder(s *Store) *Recorder {
	return &Recorder{s: s, pending: map[int64]*Minute{}, lastPrune: s.now()}
}

// AddSpan records that from start, for dur, the user's posture was posture
// (Upright, Slouched, Away or Paused; "calibrating" counts as paused) and,
// when slouched, of the given kind ("leaning_in", "slumped", "hunched",
// "tilted", "out_of_frame", ...; "" is stored as "unknown"). A span may cross
// minute boundaries; it is split between them.
func (r *Recorder) AddSpan(start time.Time, dur time.Duration, posture, kind string) error {
	switch posture {
	case Upright, Slouched, Away, Paused:
	case "calibrating":
		posture = Paused
	default:
		return fmt.Errorf("record span: unknown posture %q", posture)
	}
	if dur <= 0 {
		return nil
	}
	if posture == Slouched && kind == "" {
		kind = "unknown"
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t, left := start, dur
	for left > 0 {
		k := minuteKey(t)
		chunk := time.Unix((k+1)*60, 0).Sub(t)
		if chunk > left {
			chunk = left
		}
		m := r.minute(k)
		switch posture {
		case Upright:
			m.Upright += chunk
		case Away:
			m.Away += chunk
		case Paused:
			m.Paused += chunk
		case Slouched:
			if m.Slouched == nil {
				m.Slouched = map[string]time.Duration{}
			}
			m.Slouched[kind] += chunk
		}
		t, left = t.Add(chunk), left-chunk
	}
	return r.advance(minuteKey(start.Add(dur)))
}

// AddEvent records an event; an EventAlert also counts in its minute's alerts.
func (r *Recorder) AddEvent(e Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	e.At = e.At.UTC()
	r.events = append(r.events, e)
	k := minuteKey(e.At)
	if e.Kind == EventAlert {
		r.minute(k).Alerts++
	}
	return r.advance(k)
}

// Book records one analysed frame, the one way the app and 'analyze
// --record' both book: the span of time it accounts for, ending at end,
// booked to state ("calibrating" is booked as paused: nobody was judged),
// and, when it alerted, the alert with its kind.
// A failed write of the span does not lose the alert: both stay pending.
func (r *Recorder) Book(end time.Time, span time.Duration, state, kind string, alert bool) error {
	err := r.AddSpan(end.Add(-span), span, state, kind)
	if alert {
		if aerr := r.AddEvent(Event{At: end, Kind: EventAlert, Detail: kind}); err == nil {
			err = aerr
		}
	}
	return err
}

// Erase deletes the whole history (Store.Erase) and what is pending here,
// under one lock: no minute or event recorded before the erase is written
// after it, not even one whose write failed earlier (a full disk) and would
// have gone in at the next flush. Recording goes on from now. A failed
// erase deletes nothing.
func (r *Recorder) Erase(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.s.Erase(ctx); err != nil {
		return err
	}
	clear(r.pending)
	r.events = nil
	return nil
}

// minute returns the pending aggregate of minute k, creating it.
func (r *Recorder) minute(k int64) *Minute {
	m := r.pending[k]
	if m == nil {
		m = &Minute{Start: time.Unix(k*60, 0).UTC()}
		r.pending[k] = m
	}
	return m
}

// advance notes that time has reached minute k and writes the minutes (and
// events) before it, if any are pending.
func (r *Recorder) advance(k int64) error {
	if k <= r.current {
		return nil
	}
	r.current = k
	for pk := range r.pending {
		if pk < k {
			return r.flush(context.Background(), k)
		}
	}
	return nil
}

// Flush writes everything pending, the minute in progress included.
func (r *Recorder) Flush(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.flush(ctx, 1<<62)
}

// Close writes everything pending. It does not close the Store.
func (r *Recorder) Close() error { return r.Flush(context.Background()) }

// Dropped is how many minutes were dropped because the store could not be
// written for longer than a day.
func (r *Recorder) Dropped() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dropped
}

// flush writes the pending minutes and events before minute `before`, and
// prunes the store once a day.
func (r *Recorder) flush(ctx context.Context, before int64) error {
	var keys []int64
	for k := range r.pending {
		if k < before {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	minutes := make([]Minute, len(keys))
	for i, k := range keys {
		minutes[i] = *r.pending[k]
	}
	var events, keep []Event
	for _, e := range r.events {
		if minuteKey(e.At) < before {
			events = append(events, e)
		} else {
			keep = append(keep, e)
		}
	}
	if len(minutes) == 0 && len(events) == 0 {
		return nil
	}
	if err := r.s.Write(ctx, minutes, events); err != nil {
		r.shed()
		return err
	}
	for _, k := range keys {
		delete(r.pending, k)
	}
	r.events = keep
	if now := r.s.now(); now.Sub(r.lastPrune) >= 24*time.Hour {
		r.lastPrune = now
		return r.s.Prune(ctx)
	}
	return nil
}

// shed drops the oldest pending minutes beyond maxPending.
func (r *Recorder) shed() {
	if len(r.pending) <= maxPending {
		return
	}
	keys := make([]int64, 0, len(r.pending))
	for k := range r.pending {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys[:len(keys)-maxPending] {
		delete(r.pending, k)
		r.dropped++
	}
	if len(r.events) > maxPending {
		r.events = r.events[len(r.events)-maxPending:]
	}
}
