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

// openRecording opens the history in dataDir (the default when empty).
func openRecording(ctx context.Context, dataDir string, start time.Time) (*recording, error) {
	dir, err := dataDirOr(dataDir)
	if err != nil {
		return nil, err
	}
	s, err := history.Open(ctx, dir, history.Options{})
	if err != nil {
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
