package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// Focuser is an Observer that can look closer around where the user's face
// is expected (the vision pipeline runs its detector on that region).
type Focuser interface {
	Focus(Rect)
}

// Watch configures a watching run: calibrate (or take a saved baseline),
// then judge every observation.
type Watch struct {
	// Baseline, when set, skips calibration.
	Baseline *Baseline
	// CalibrateFor is how much input time calibration takes when Baseline is nil.
	CalibrateFor time.Duration
	Settings     Settings
}

// CalibrationError wraps a calibration refusal with when it happened.
type CalibrationError struct{ Err error }

func (e CalibrationError) Error() string { return "calibration failed: " + e.Err.Error() }
func (e CalibrationError) Unwrap() error { return e.Err }

// Run watches src until it ends (io.EOF: a normal end) or ctx is cancelled,
// handing every Update to emit. It returns the session (nil when calibration
// never finished), which holds the tally.
func (w Watch) Run(ctx context.Context, src Observer, emit func(Update)) (*Session, error) {
	var sess *Session
	if w.Baseline != nil {
		sess = w.start(src, *w.Baseline, 0)
	}
	var calib []Observation
	for {
		o, err := src.Observe(ctx)
		if errors.Is(err, io.EOF) {
			if sess == nil {
				return nil, CalibrationError{fmt.Errorf("the input ended before calibration (%v of %v): %w", inputSpan(calib), w.CalibrateFor, ErrTooFew)}
			}
			return sess, nil
		}
		if err != nil {
			return sess, err
		}
		if sess != nil {
			emit(sess.Step(o))
			continue
		}
		calib = append(calib, o)
		emit(Update{At: o.At, FaceFound: len(o.Faces) > 0, Posture: Calibrating, State: Calibrating})
		if o.At-calib[0].At < w.CalibrateFor {
			continue
		}
		b, err := Calibrate(calib)
		if err != nil {
			return nil, CalibrationError{err}
		}
		sess = w.start(src, b, o.At)
	}
}

func (w Watch) start(src Observer, b Baseline, at time.Duration) *Session {
	if f, ok := src.(Focuser); ok {
		f.Focus(b.Face)
	}
	return NewSession(b, w.Settings, at)
}

func inputSpan(obs []Observation) time.Duration {
	if len(obs) < 2 {
		return 0
	}
	return obs[len(obs)-1].At - obs[0].At
}
