//go:build !front && !cameraonly

package main

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// observedCase is one case's clips as the real pipeline saw them: every
// frame written to a real video, decoded and analysed once. Judging them with
// another model replays these observations, which is what the pipeline would
// have produced again (what it looks at depends on the calibration only).
type observedCase struct {
	evalCase
	clip []labelledFrame
	obs  []monitor.Observation
	// sustained is the 45 s slouch clip (nil when the case has no slouch),
	// its long slouch starting at frame sustainedStart.
	sustained      []labelledFrame
	sustainedStart int
	sustainedObs   []monitor.Observation
	// looked and reused count the main clip's analysed frames and, of
	// them, those that reused the last analysis (an unchanged picture).
	looked, reused int
	err            error
}

// observeCases builds and observes the clips of every case keep accepts
// (nil: all), real and generated.
func observeCases(ctx context.Context, testdata string, ps evalPass, keep func(evalCase) bool) ([]observedCase, error) {
	bases, err := generatedBases(testdata)
	if err != nil {
		return nil, err
	}
	var out []observedCase
	for _, g := range bases {
		if oc := observeGenerated(ctx, g, ps); keep == nil || keep(oc.evalCase) {
			out = append(out, oc)
		}
	}
	for _, c := range peopleCases {
		if keep != nil && !keep(c) {
			continue
		}
		oc := observedCase{evalCase: c}
		oc.clip, oc.err = c.clip(testdata)
		if oc.err == nil {
			oc.obs, oc.looked, oc.reused, oc.err = observeClip(ctx, oc.clip, ps)
		}
		if oc.err == nil {
			oc.sustained, oc.sustainedStart, oc.err = c.sustainedClip(testdata)
		}
		if oc.err == nil && oc.sustained != nil {
			oc.sustainedObs, _, _, oc.err = observeClip(ctx, oc.sustained, ps)
		}
		out = append(out, oc)
	}
	return out, nil
}

// observeClip writes the frames as a real 5 fps clip, shown as ps says, and
// records what the real pipeline observes in it, decoding included, while a
// watch calibrates on its first six seconds (which points the detector),
// with how many frames were analysed and how many of them reused the last
// analysis.
func observeClip(ctx context.Context, clip []labelledFrame, ps evalPass) (obs []monitor.Observation, looked, reused int, err error) {
	dir, err := os.MkdirTemp("", "hunch-eval-")
	if err != nil {
		return nil, 0, 0, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "clip.avi")
	paths := make([]string, len(clip))
	for i, f := range clip {
		paths[i] = f.path
	}
	if err := clips.FromFrames(path, paths, evalFPS, ps.show); err != nil {
		return nil, 0, 0, err
	}
	return observeVideo(ctx, path, ps)
}

// observeVideo records what the real pipeline observes in the video at path.
func observeVideo(ctx context.Context, path string, ps evalPass) (obs []monitor.Observation, looked, reused int, err error) {
	p, err := vision.Open(vision.Config{Input: path, Detector: ps.detector, SegmentEvery: ps.segEvery, AnalyseEvery: ps.analyseEvery})
	if err != nil {
		return nil, 0, 0, err
	}
	defer p.Close()
	rec := &recorder{src: p}
	_, err = evalWatch(monitor.DefaultModel(), false).Run(ctx, rec, func(monitor.Update) {})
	t := p.Timing()
	return rec.obs, t.Frames, t.Still, err
}

// recorder keeps what its source observes, and passes the focus on.
type recorder struct {
	src *vision.Pipeline
	obs []monitor.Observation
}

func (r *recorder) Observe(ctx context.Context) (monitor.Observation, error) {
	o, err := r.src.Observe(ctx)
	if err == nil {
		r.obs = append(r.obs, o)
	}
	return o, err
}

func (r *recorder) SetFocus(f *monitor.Rect) { r.src.SetFocus(f) }
func (r *recorder) Close() error             { return nil }

// replay yields recorded observations again.
type replay struct {
	obs  []monitor.Observation
	next int
}

func (r *replay) Observe(context.Context) (monitor.Observation, error) {
	if r.next >= len(r.obs) {
		return monitor.Observation{}, io.EOF
	}
	r.next++
	return r.obs[r.next-1], nil
}

func (r *replay) Close() error { return nil }
