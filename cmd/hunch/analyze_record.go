//go:build !front

package main

import (
	"context"
	"fmt"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// recording books an analysis into the history store as if it had been
// watched live from start.
type recording struct {
	store *history.Store
	rec   *history.Recorder
	start time.Time
	err   error // the first write error; analysis goes on regardless
}

// openRecording opens the history in dataDir (the default when empty) for
// a recording of the given length from start. A day the history keeps
// only as its summary cannot take one: its minutes would hide the summary
// until the next prune, which then drops them.
func openRecording(ctx context.Context, dataDir string, start time.Time, length time.Duration) (*recording, error) {
	dir, err := dataDirOr(dataDir)
	if err != nil {
		return nil, err
	}
	s, err := history.Open(ctx, dir, history.Options{})
	if err != nil {
		return nil, err
	}
	day, found, err := s.Summarized(ctx, start, start.Add(length))
	if err == nil && found {
		err = fmt.Errorf("--start %s: the history keeps %s only as its summary (it keeps minutes for %d days), which a recording cannot be added to; choose a later --start",
			start.Format(time.RFC3339), day, int(history.DefaultRetention.Hours()/24))
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	return &recording{store: s, rec: history.NewRecorder(s), start: start}, nil
}

// update books one frame's span, in input time from the recording's start,
// and its alert.
func (r *recording) update(u monitor.Update) {
	r.keep(r.rec.Book(r.start.Add(u.At), u.Span, string(u.State), string(u.StateKind), u.Alert))
}

func (r *recording) keep(err error) {
	if err != nil && r.err == nil {
		r.err = err
	}
}

// close flushes the last minute and closes the store.
func (r *recording) close() error {
	r.keep(r.rec.Close())
	r.keep(r.store.Close())
	if r.err != nil {
		return fmt.Errorf("record into history: %w", r.err)
	}
	return nil
}
