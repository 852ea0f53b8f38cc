package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrNoSlouchFace says the slouch sample showed no face to measure.
var ErrNoSlouchFace = errors.New("no face seen while sampling your slouch: stay in the picture, or skip the slouch sample")

// MeasureSlouchSample is the user's own slouch: the median of each feature
// over a few seconds of them sitting the way they do when tired, measured
// against their upright baseline.
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
	col := func(f func(Features) float64, measuredOnly bool) float64 {
		var xs []float64
		for _, ft := range fts {
			if v := f(ft); !measuredOnly || v != 0 {
				xs = append(xs, v)
			}
		}
		return median(xs)
	}
	return Features{
		FaceFound:     true,
		ForwardLean:   col(func(f Features) float64 { return f.ForwardLean }, false),
		HeadDrop:      col(func(f Features) float64 { return f.HeadDrop }, false),
		HeadShift:     col(func(f Features) float64 { return f.HeadShift }, false),
		HeadRoll:      col(func(f Features) float64 { return f.HeadRoll }, false),
		ChinDrop:      col(func(f Features) float64 { return f.ChinDrop }, false),
		NeckGap:       col(func(f Features) float64 { return f.NeckGap }, true),
		ShoulderRaise: col(func(f Features) float64 { return f.ShoulderRaise }, true),
	}, nil
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
