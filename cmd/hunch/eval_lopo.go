//go:build !front && !cameraonly

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// evalWatch is how the evaluation watches a clip: calibration on the first
// six seconds, the slouch sample (when asked for) on the next four, and the
// defaults with an onset short enough for 8 s slouches.
func evalWatch(m monitor.Model, withSample bool) monitor.Watch {
	s := monitor.DefaultSettings()
	s.Onset = 4 * time.Second
	s.Model = m
	w := monitor.Watch{CalibrateFor: frameSpan(calibFrames), Settings: s}
	if withSample {
		w.SlouchSampleFor = frameSpan(sampleFrames)
	}
	return w
}

// frameSpan is the input time from the first to the last of n clip frames.
func frameSpan(n int) time.Duration { return time.Duration(n-1) * time.Second / evalFPS }

// examples are a case's labelled frames for fitting, measured against the
// person's own calibration, which carries their slouch sample when the clip
// has one. Calibration and sample frames are left out, as are cases whose
// camera moved before the slouch (their slouch is not measured against a
// baseline of the same view).
func (oc observedCase) examples(ctx context.Context) ([]monitor.Example, error) {
	if oc.err != nil || oc.badMovedCamera {
		return nil, oc.err
	}
	var ups []monitor.Update
	sess, err := evalWatch(monitor.DefaultModel(), false).Run(ctx, &replay{obs: oc.obs}, func(u monitor.Update) { ups = append(ups, u) })
	if err != nil {
		return nil, err
	}
	b := sess.Baseline()
	if oc.clip[calibFrames].sample {
		s, err := monitor.MeasureSlouchSample(oc.obs[calibFrames:calibFrames+sampleFrames], b)
		switch {
		case err == nil:
			b.SlouchSample = &s
		case !errors.Is(err, monitor.ErrNoSlouchFace): // no face to sample: the person gave none
			return nil, fmt.Errorf("%s: %w", oc.name, err)
		}
	}
	var ex []monitor.Example
	for i, u := range ups {
		if f := oc.clip[i]; u.Posture != monitor.Calibrating && !f.sample && !f.skip {
			ex = append(ex, monitor.Example{Person: oc.person, Features: u.Features, Baseline: b, Slouched: oc.clip[i].bad})
		}
	}
	return ex, nil
}

// allExamples gathers every case's examples.
func allExamples(ctx context.Context, cases []observedCase) ([]monitor.Example, error) {
	var all []monitor.Example
	for _, oc := range cases {
		ex, err := oc.examples(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", oc.name, err)
		}
		all = append(all, ex...)
	}
	return all, nil
}

// leaveOneOut fits, for every person, the judgement without any of their
// frames, on the examples of cases.
func leaveOneOut(ctx context.Context, cases []observedCase) (map[string]monitor.Model, error) {
	all, err := allExamples(ctx, cases)
	if err != nil {
		return nil, err
	}
	models := map[string]monitor.Model{}
	for _, oc := range cases {
		p := rootPerson(oc.person)
		if _, done := models[p]; done {
			continue
		}
		m, err := monitor.FitJudgement(monitor.WithoutPerson(all, p), "without "+p)
		if err != nil {
			return nil, fmt.Errorf("fit without %s: %w", p, err)
		}
		models[p] = m
	}
	return models, nil
}

// rootPerson is the real person a case shows (its own name, or that of the
// person a generated clip was made from).
func rootPerson(person string) string {
	root, _, _ := strings.Cut(person, "/")
	return root
}

// judge replays a case's clip through a watch with model m and scores it.
func (oc observedCase) judge(ctx context.Context, m monitor.Model, withSample bool) evalResult {
	r := evalResult{name: oc.name, note: oc.note, movedAt: -1, setupChangedAt: -1, err: oc.err}
	if oc.err != nil {
		return r
	}
	var ups []monitor.Update
	_, r.err = evalWatch(m, withSample).Run(ctx, &replay{obs: oc.obs}, func(u monitor.Update) { ups = append(ups, u) })
	if withSample && errors.Is(r.err, monitor.ErrNoSlouchFace) { // as a user who skips the sample
		r = oc.judge(ctx, m, false)
		r.note += "; the sample showed no face: judged without"
		return r
	}
	if r.err != nil {
		return r
	}
	r.score(oc.clip, ups)
	if oc.traced(withSample) {
		trace(evalTraceOut, oc.name+sampleMark(withSample), oc.clip, ups)
	}
	return r
}

// sustainedResult is what a 45 s slouch at the default onset brought.
type sustainedResult struct {
	alerts int           // alerts during the slouch
	first  time.Duration // first alert after the slouch began
	err    error
}

// ok says whether the slouch was alerted exactly once, at most 35 s in.
func (s sustainedResult) ok() bool {
	return s.err == nil && s.alerts == 1 && s.first <= 35*time.Second
}

func (s sustainedResult) String() string {
	switch {
	case s.err != nil:
		return "error"
	case s.alerts == 0:
		return "NONE"
	}
	return fmt.Sprintf("%d, at %.0f s", s.alerts, s.first.Seconds())
}

// judgeSustained replays the 45 s slouch clip with the default settings.
func (oc observedCase) judgeSustained(ctx context.Context, m monitor.Model, withSample bool) sustainedResult {
	w := evalWatch(m, withSample)
	w.Settings.Onset = monitor.DefaultSettings().Onset
	var ups []monitor.Update
	_, err := w.Run(ctx, &replay{obs: oc.sustainedObs}, func(u monitor.Update) { ups = append(ups, u) })
	if withSample && errors.Is(err, monitor.ErrNoSlouchFace) { // as a user who skips the sample
		return oc.judgeSustained(ctx, m, false)
	}
	if err != nil {
		return sustainedResult{err: err}
	}
	if oc.traced(withSample) {
		trace(evalTraceOut, oc.name+sampleMark(withSample)+" 45s", oc.sustained, ups)
	}
	var r sustainedResult
	start := ups[oc.sustainedStart].At
	for _, u := range ups[oc.sustainedStart : oc.sustainedStart+sustainedFrames] {
		if u.Alert {
			if r.alerts == 0 {
				r.first = u.At - start
			}
			r.alerts++
		}
	}
	return r
}

// traced says whether --trace asked for this case in this mode: its name for
// the upright-only mode, its name and "+sample" for the mode with a sample,
// "all" for every case in both.
func (oc observedCase) traced(withSample bool) bool {
	return evalTrace == "all" || evalTrace == oc.name+sampleMark(withSample)
}

// sampleMark is what --trace adds to a case's name for the mode with a slouch sample.
func sampleMark(withSample bool) string {
	if withSample {
		return "+sample"
	}
	return ""
}
