package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"
)

// ErrNoSlouchFace says the slouch sample showed no face to measure.
var ErrNoSlouchFace = errors.New("no face seen while sampling your slouch: stay in the picture, or skip the slouch sample")

// MeasureSlouchSample is the user's own slouch: for each feature, the
// departure from their upright baseline that most of a few seconds of them
// sitting the way they do when tired agree on (sampleAgreement).
func MeasureSlouchSample(obs []Observation, b Baseline) (Features, error) {
	var fts []Features
	for _, o := range obs {
		if len(o.Faces) > 0 {
			fts = append(fts, Measure(o, &o.Faces[0], b))
		}
	}
	if len(fts) == 0 || len(fts) < len(obs)*6/10 {
		return Features{}, fmt.Errorf("%w (a face in %d of %d frames)", ErrNoSlouchFace, len(fts), len(obs))
	}
	col := func(f func(Features) float64, measuredOnly bool, upright float64) float64 {
		var xs []float64
		for _, ft := range fts {
			if v := f(ft); !measuredOnly || v != 0 {
				xs = append(xs, v)
			}
		}
		return agreedDeparture(xs, upright)
	}
	return Features{
		FaceFound:     true,
		ForwardLean:   col(func(f Features) float64 { return f.ForwardLean }, false, 0),
		HeadDrop:      col(func(f Features) float64 { return f.HeadDrop }, false, 0),
		HeadShift:     col(func(f Features) float64 { return f.HeadShift }, false, 0),
		HeadRoll:      col(func(f Features) float64 { return f.HeadRoll }, false, 0),
		ChinDrop:      col(func(f Features) float64 { return f.ChinDrop }, false, 0),
		NeckGap:       col(func(f Features) float64 { return f.NeckGap }, true, 1),
		ShoulderRaise: col(func(f Features) float64 { return f.ShoulderRaise }, true, 0),
	}, nil
}

// sampleAgreement is the share of the sample's frames that must show a
// departure for it to count as part of the user's slouch: three in four, so
// that a feature seen one way in some seconds and another way in the rest
// (a head turned left, then right; a chair back taken for the shoulders in
// a few frames) does not point the user's slouch somewhere it never stayed.
// A median (one in two) let webcam-session-a's chair back, taken for his
// shoulders in 11 of 20 sample frames, make "neck short" his slouch.
const sampleAgreement = 0.75

// agreedDeparture is the largest departure from the upright value that
// sampleAgreement of xs reach in one direction; the upright value when they
// do not agree on a direction. It sorts xs.
func agreedDeparture(xs []float64, upright float64) float64 {
	if len(xs) == 0 {
		return upright
	}
	sort.Float64s(xs)
	if below := quantile(xs, sampleAgreement); below < upright {
		return below // three in four are at or below it
	}
	if above := quantile(xs, 1-sampleAgreement); above > upright {
		return above
	}
	return upright
}

// SampleSlouchFrom watches src for d of input time after calibration, handing
// each observation to seen, and measures the slouch sample from it. It
// returns the sample and the input time sampling ended at.
func SampleSlouchFrom(ctx context.Context, src Observer, b Baseline, d time.Duration, seen func(Observation)) (Features, time.Duration, error) {
	obs, err := observeFor(ctx, src, d, seen)
	if errors.Is(err, io.EOF) {
		return Features{}, 0, fmt.Errorf("the input ended during the slouch sample (%.1f s of %.1f s): use a longer recording or a shorter sample", inputSpan(obs).Seconds(), d.Seconds())
	}
	if err != nil {
		return Features{}, 0, err
	}
	s, err := MeasureSlouchSample(obs, b)
	return s, obs[len(obs)-1].At, err
}
