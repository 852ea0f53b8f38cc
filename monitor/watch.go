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
	SetFocus(*Rect)
}

// Watch configures a watching run: calibrate (or take a saved baseline),
// then judge every observation.
type Watch struct {
	// Baseline, when set, skips calibration.
	Baseline *Baseline
	// CalibrateFor is how much input time calibration takes when Baseline is nil.
	CalibrateFor time.Duration
	Settings     Settings
	// SlouchSampleFor, when positive, takes that much input time of the
	// user's own slouch, from the first frame at or after SlouchSampleAt
	// (0: right after calibration), and judges the frames after it against
	// both the baseline and the sample (replacing any the baseline had). The
	// sample's frames are reported as calibrating and not judged.
	SlouchSampleFor time.Duration
	SlouchSampleAt  time.Duration
	// Sampling, when set and the source is a RateSetter, adapts the frame
	// rate to what the user is doing; nil keeps the source's own rate.
	Sampling *SamplingPolicy
}

// CalibrationError wraps a calibration refusal with when it happened.
type CalibrationError struct{ Err error }

func (e CalibrationError) Error() string { return "calibration failed: " + e.Err.Error() }
func (e CalibrationError) Unwrap() error { return e.Err }

// Run watches src until it ends (io.EOF: a normal end) or ctx is cancelled,
// handing every Update to emit. It returns the session (nil when calibration
// never finished), which holds the tally.
func (w Watch) Run(ctx context.Context, src Observer, emit func(Update)) (*Session, error) {
	b, start := w.Baseline, time.Duration(0)
	if b == nil {
		got, end, err := CalibrateFrom(ctx, src, w.CalibrateFor, func(o Observation) {
			emit(Update{At: o.At, FaceFound: len(o.Faces) > 0, Posture: Calibrating, State: Calibrating})
		})
		if err != nil {
			return nil, err
		}
		b, start = &got, end
	}
	sess := w.start(src, *b, start)
	pace, err := w.pacer(src)
	if err != nil {
		return sess, err
	}
	sampled := false
	for {
		o, err := src.Observe(ctx)
		if errors.Is(err, io.EOF) {
			return sess, nil
		}
		if err != nil {
			return sess, err
		}
		if rescaled, err := sess.fit(o); err != nil {
			return sess, err
		} else if rescaled {
			w.focus(src, sess.Baseline())
		}
		if w.SlouchSampleFor > 0 && !sampled && o.At >= w.SlouchSampleAt {
			sampled = true
			if err := w.sampleSlouch(ctx, &pushedBack{first: &o, src: src}, sess, emit); err != nil {
				return sess, err
			}
			continue
		}
		u := sess.Step(o)
		pace(u)
		emit(u)
	}
}

// CalibrateFrom watches src for d of input time, handing each observation to
// seen, and calibrates on what it saw. It returns the baseline and the input
// time calibration ended at.
func CalibrateFrom(ctx context.Context, src Observer, d time.Duration, seen func(Observation)) (Baseline, time.Duration, error) {
	obs, err := observeFor(ctx, src, d, seen)
	if errors.Is(err, io.EOF) {
		return Baseline{}, 0, CalibrationError{fmt.Errorf("%w (%.1f s of %.1f s)", ErrEndedEarly, inputSpan(obs).Seconds(), d.Seconds())}
	}
	if err != nil {
		return Baseline{}, 0, err
	}
	b, err := Calibrate(obs)
	if err != nil {
		return Baseline{}, 0, CalibrationError{err}
	}
	return b, obs[len(obs)-1].At, nil
}

// sampleSlouch takes the slouch sample from src, reporting its frames as
// part of calibration, and gives it to the session.
func (w Watch) sampleSlouch(ctx context.Context, src Observer, sess *Session, emit func(Update)) error {
	s, end, err := SampleSlouchFrom(ctx, src, sess.Baseline(), w.SlouchSampleFor, func(o Observation) {
		emit(Update{At: o.At, FaceFound: len(o.Faces) > 0, Posture: Calibrating, State: Calibrating})
	})
	if err != nil {
		return err
	}
	sess.useSlouchSample(s, end)
	return nil
}

// pushedBack yields first, then what src yields.
type pushedBack struct {
	first *Observation
	src   Observer
}

func (p *pushedBack) Observe(ctx context.Context) (Observation, error) {
	if o := p.first; o != nil {
		p.first = nil
		return *o, nil
	}
	return p.src.Observe(ctx)
}

func (p *pushedBack) Close() error { return nil }

func (w Watch) start(src Observer, b Baseline, at time.Duration) *Session {
	w.focus(src, b)
	return NewSession(b, w.Settings, at)
}

// focus points a Focuser at the baseline's face.
func (w Watch) focus(src Observer, b Baseline) {
	if f, ok := src.(Focuser); ok {
		face := b.Face
		f.SetFocus(&face)
	}
}

// observeFor reads src for d of input time from its first observation,
// handing each to seen; io.EOF (with what was read) when the input ends first.
func observeFor(ctx context.Context, src Observer, d time.Duration, seen func(Observation)) ([]Observation, error) {
	var obs []Observation
	for {
		o, err := src.Observe(ctx)
		if err != nil {
			return obs, err
		}
		obs = append(obs, o)
		seen(o)
		if o.At-obs[0].At >= d {
			return obs, nil
		}
	}
}

func inputSpan(obs []Observation) time.Duration {
	if len(obs) < 2 {
		return 0
	}
	return obs[len(obs)-1].At - obs[0].At
}
