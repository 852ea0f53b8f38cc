package monitor

import (
	"fmt"
	"math"
	"time"
)

// SamplingPolicy says how many frames a second are worth analysing: few
// while nothing changes, more while the posture is changing.
type SamplingPolicy struct {
	// Default is the rate while the user is at the desk and not yet steady.
	Default float64
	// Steady is the rate once the user has sat upright, unchanged, for SteadyAfter.
	Steady      float64
	SteadyAfter time.Duration
	// Away is the rate once the user has been away (or the lens covered) for AwayAfter.
	Away      float64
	AwayAfter time.Duration
	// Busy is the rate for BusyFor after the posture changed: a frame's
	// judgement or the state flipped, or the score crossed the line.
	Busy    float64
	BusyFor time.Duration
}

// DefaultRate is how many frames a second Hunch analyses while the user is
// at the desk, unless they choose another rate: the one definition of it.
const DefaultRate = 2.0

// DefaultSamplingPolicy is SamplingPolicyAt(DefaultRate).
func DefaultSamplingPolicy() SamplingPolicy { return SamplingPolicyAt(DefaultRate) }

// SamplingPolicyAt keeps to the user's chosen rate: that rate at the desk,
// half of it after 30 s sitting steadily upright, a quarter after a minute
// away, and twice it for 10 s after a change. A user who chose 0.5 frames a
// second is never looked at more steadily than they asked.
func SamplingPolicyAt(rate float64) SamplingPolicy {
	return SamplingPolicy{
		Default: rate,
		Steady:  rate / 2, SteadyAfter: 30 * time.Second,
		Away: rate / 4, AwayAfter: time.Minute,
		Busy: 2 * rate, BusyFor: 10 * time.Second,
	}
}

// Validate reports the first rate that is not a positive number.
func (p SamplingPolicy) Validate() error {
	for _, r := range []struct {
		name string
		fps  float64
	}{{"default", p.Default}, {"steady", p.Steady}, {"away", p.Away}, {"busy", p.Busy}} {
		if !(r.fps > 0) || math.IsInf(r.fps, 0) {
			return fmt.Errorf("sampling: %s rate %g frames a second: use a positive number such as 2", r.name, r.fps)
		}
	}
	return nil
}

// RateSetter is an Observer whose frame rate can change between frames (the
// vision pipeline). Watch drives it from a Sampler.
type RateSetter interface {
	SetRate(fps float64)
}

// Sampler chooses the analysis rate from the updates the monitor makes. It
// follows update times only (input time), so it is tested on synthetic
// sequences; it is not safe for concurrent use.
type Sampler struct {
	policy SamplingPolicy

	started     bool
	last        Update
	calmSince   time.Duration // when the last change happened
	busyUntil   time.Duration
	absentSince time.Duration // when the user went away or the lens was covered
	absent      bool
	rate        float64
}

// NewSampler starts at the policy's default rate.
func NewSampler(p SamplingPolicy) *Sampler {
	return &Sampler{policy: p, rate: p.Default}
}

// Rate is the rate chosen by the latest Step.
func (s *Sampler) Rate() float64 { return s.rate }

// Step takes one update and returns the rate for the frames after it.
func (s *Sampler) Step(u Update) float64 {
	p := s.policy
	if !s.started {
		s.started, s.last, s.calmSince = true, u, u.At
	}
	switch s.change(u) {
	case deskChange:
		s.calmSince, s.busyUntil = u.At, u.At+p.BusyFor
	case presenceChange:
		s.calmSince = u.At
	}
	absent := u.CameraCovered || u.State == Away
	if absent && !s.absent {
		s.absentSince = u.At
	}
	s.absent, s.last = absent, u
	switch {
	case u.At < s.busyUntil:
		s.rate = p.Busy
	case absent && u.At-s.absentSince >= p.AwayAfter:
		s.rate = p.Away
	case u.State == Upright && !u.CameraCovered && u.At-s.calmSince >= p.SteadyAfter:
		s.rate = p.Steady
	default:
		s.rate = p.Default
	}
	return s.rate
}

// A change is what a Sampler notices between two updates.
type change int

const (
	noChange       change = iota
	deskChange            // the posture changed at the desk: look closely
	presenceChange        // the user left or came back, or the lens was covered or uncovered
)

// mediumLine is Judgement.Score's line between upright and slouched at
// medium sensitivity: a frame whose score crosses it, at any sensitivity,
// is a posture changing and worth looking at more often.
const mediumLine = 0.5

// change classifies u against the last update. Leaving or coming back
// restarts the steady clock but needs no quick frames.
func (s *Sampler) change(u Update) change {
	prev := s.last
	switch {
	case u.CameraCovered != prev.CameraCovered || (u.State != prev.State && (u.State == Away || prev.State == Away)):
		return presenceChange
	case u.CameraCovered || u.State == Away || u.State == Calibrating:
		return noChange
	case u.State != prev.State || u.Posture != prev.Posture || (u.Score >= mediumLine) != (prev.Score >= mediumLine):
		return deskChange
	}
	return noChange
}

// pacer returns what Watch calls after each update to adapt src's rate: a
// no-op without a policy or for a source whose rate is fixed.
func (w Watch) pacer(src Observer) (func(Update), error) {
	rs, ok := src.(RateSetter)
	if w.Sampling == nil || !ok {
		return func(Update) {}, nil
	}
	if err := w.Sampling.Validate(); err != nil {
		return nil, err
	}
	s := NewSampler(*w.Sampling)
	rate := s.Rate()
	rs.SetRate(rate)
	return func(u Update) {
		if r := s.Step(u); r != rate {
			rate = r
			rs.SetRate(r)
		}
	}, nil
}
