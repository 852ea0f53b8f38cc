package main

import (
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

func init() {
	commands["eval"] = command{summary: "measure Hunch on the labelled real people in ../shared", hidden: true, run: runEval}
}

// evalResult is one clip's figures.
type evalResult struct {
	name, note string
	frames     int // judged frames (after calibration, not within 1 s of a change)
	right      int
	// confusion[truth][posture]: truth 0 upright, 1 slouched; posture 0 upright, 1 slouched, 2 away.
	confusion      [2][3]int
	badSegments    int
	caught         int // bad segments with exactly one alert
	falseAlerts    int // alerts during good segments
	movedAt        time.Duration
	setupChangedAt time.Duration // -1 when never reported
	err            error
}

func (r evalResult) accuracy() float64 {
	if r.frames == 0 {
		return 0
	}
	return float64(r.right) / float64(r.frames)
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newCommandFlags("eval", "eval [--shared DIR] [--segment-every N] [--compare] [--views] [--trace CLIP]",
		"hunch eval --shared ../shared --views")
	shared := fs.String("shared", defaultShared(), "the shared `folder` with testdata/")
	segEvery := fs.Int("segment-every", defaultSegmentEvery, "segmentation every N frames (0: off)")
	compare := fs.Bool("compare", true, "also run without segmentation, to show what it buys")
	views := fs.Bool("views", false, "also show the frames scaled up and pillarboxed, and dimmed")
	fs.StringVar(&evalTrace, "trace", "", "print every frame's features for the named `clip`")
	if help, err := fs.parse(args, stdout, stderr); help || err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(*shared, "testdata")); err != nil {
		return fmt.Errorf("no test data in %s: pass --shared DIR (the folder holding testdata/)", *shared)
	}
	passes := []evalPass{{view: "as recorded", detector: vision.DetectorBlazeFace, segEvery: *segEvery}}
	if *compare && *segEvery != 0 {
		passes = append(passes, evalPass{view: "as recorded", detector: vision.DetectorBlazeFace},
			evalPass{view: "as recorded", detector: vision.DetectorCascade, segEvery: *segEvery})
	}
	if *views {
		passes = append(passes,
			evalPass{view: "640x480 pillarboxed", detector: vision.DetectorBlazeFace, segEvery: *segEvery, show: clips.View{Size: image.Pt(640, 480), Pillarbox: true}},
			evalPass{view: "dim (x0.4)", detector: vision.DetectorBlazeFace, segEvery: *segEvery, show: clips.View{Gain: 0.4}})
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "clip\tview\tdetector\tsegment\tright\tupright→(u/s/a)\tslouched→(u/s/a)\tslouches caught\tfalse alerts\tsetup change\tnote")
	for _, ps := range passes {
		results, err := evaluatePeople(ctx, *shared, ps)
		if err != nil {
			return err
		}
		for _, r := range results {
			fmt.Fprintln(tw, r.row(ps))
		}
	}
	return tw.Flush()
}

// evalPass is one way of running the evaluation: how the frames are shown
// and which inputs the pipeline uses.
type evalPass struct {
	view     string
	show     clips.View
	detector string
	segEvery int // 0: no segmentation
}

func (r evalResult) row(ps evalPass) string {
	lead := fmt.Sprintf("%s\t%s\t%s\t%d", r.name, ps.view, ps.detector, ps.segEvery)
	if r.err != nil {
		return fmt.Sprintf("%s\terror: %v\t\t\t\t\t\t", lead, r.err)
	}
	c := r.confusion
	setup := "-"
	if r.movedAt >= 0 {
		setup = "not reported"
		if r.setupChangedAt >= 0 {
			setup = fmt.Sprintf("after %.1f s", (r.setupChangedAt - r.movedAt).Seconds())
		}
	} else if r.setupChangedAt >= 0 {
		setup = fmt.Sprintf("FALSE at %.1f s", r.setupChangedAt.Seconds())
	}
	return fmt.Sprintf("%s\t%.1f%% of %d\t%d/%d/%d\t%d/%d/%d\t%d of %d\t%d\t%s\t%s",
		lead, 100*r.accuracy(), r.frames, c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2],
		r.caught, r.badSegments, r.falseAlerts, setup, r.note)
}

func defaultShared() string {
	for _, d := range []string{"../shared", "../../shared"} {
		if _, err := os.Stat(filepath.Join(d, "testdata")); err == nil {
			return d
		}
	}
	return "../shared"
}

// evaluatePeople runs every case and webcam-session-a.
func evaluatePeople(ctx context.Context, shared string, ps evalPass) ([]evalResult, error) {
	var out []evalResult
	people := filepath.Join(shared, "testdata", "webcam-people-b")
	for _, c := range peopleCases {
		clip, err := c.buildClip(people)
		r := evalResult{name: c.name, note: c.note, err: err}
		if err == nil {
			r = evaluateClip(ctx, c.name, c.note, clip, ps)
		}
		out = append(out, r)
	}
	clip, err := sessionAClip(filepath.Join(shared, "testdata", "webcam-session-a"))
	if err != nil {
		return nil, err
	}
	return append(out, evaluateClip(ctx, "session-a", "sinking down in the chair", clip, ps)), nil
}

// evalSettings are the defaults with an onset short enough for 8 s slouches.
func evalSettings() monitor.Settings {
	s := monitor.DefaultSettings()
	s.Onset = 4 * time.Second
	return s
}

// evaluateClip writes the frames as a real 5 fps clip, shown as view says,
// and runs it through the real pipeline, decoding included.
func evaluateClip(ctx context.Context, name, note string, clip []labelledFrame, ps evalPass) evalResult {
	r := evalResult{name: name, note: note, movedAt: -1, setupChangedAt: -1}
	dir, err := os.MkdirTemp("", "hunch-eval-")
	if err != nil {
		r.err = err
		return r
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "clip.avi")
	paths := make([]string, len(clip))
	for i, f := range clip {
		paths[i] = f.path
	}
	if r.err = clips.FromFrames(path, paths, evalFPS, ps.show); r.err != nil {
		return r
	}
	p, err := vision.Open(vision.Config{Input: path, Detector: ps.detector, SegmentEvery: ps.segEvery})
	if err != nil {
		r.err = err
		return r
	}
	defer p.Close()
	var ups []monitor.Update
	w := monitor.Watch{CalibrateFor: 6*time.Second - time.Second/evalFPS, Settings: evalSettings()}
	if _, err := w.Run(ctx, p, func(u monitor.Update) { ups = append(ups, u) }); err != nil {
		r.err = err
		return r
	}
	r.score(clip, ups)
	if name == evalTrace || evalTrace == "all" {
		trace(os.Stderr, name, clip, ups)
	}
	return r
}

// score compares updates with the truth.
func (r *evalResult) score(clip []labelledFrame, ups []monitor.Update) {
	lastChange, alertsInSeg := 0, 0
	for i, u := range ups {
		f := clip[i]
		if i > 0 && f.bad != clip[i-1].bad {
			r.closeSegment(clip[i-1].bad, alertsInSeg)
			lastChange, alertsInSeg = i, 0
		}
		if f.moved && r.movedAt < 0 {
			r.movedAt = u.At
		}
		if u.SetupChanged && r.setupChangedAt < 0 {
			r.setupChangedAt = u.At
		}
		if u.Alert {
			alertsInSeg++
		}
		if u.Posture == monitor.Calibrating || i-lastChange < evalFPS {
			continue
		}
		truth, got := 0, 0
		if f.bad {
			truth = 1
		}
		switch u.Posture {
		case monitor.Slouched:
			got = 1
		case monitor.Away:
			got = 2
		}
		r.confusion[truth][got]++
		r.frames++
		if truth == got {
			r.right++
		}
	}
	if len(ups) > 0 {
		r.closeSegment(clip[len(ups)-1].bad, alertsInSeg)
	}
}

func (r *evalResult) closeSegment(bad bool, alerts int) {
	if bad {
		r.badSegments++
		if alerts == 1 {
			r.caught++
		}
	} else {
		r.falseAlerts += alerts
	}
}

// evalTrace names the clip whose frames are traced.
var evalTrace string

func trace(w io.Writer, name string, clip []labelledFrame, ups []monitor.Update) {
	for i, u := range ups {
		f := u.Features
		fmt.Fprintf(w, "%-9s %3d %-22s bad=%-5v %-9s %-12s lean=%+.2f drop=%+.2f shift=%+.2f roll=%+5.1f chin=%+.2f neck=%.2f edge=%v person=%v setup=%v %.2f\n",
			name, i, filepath.Base(filepath.Dir(clip[i].path))+"/"+filepath.Base(clip[i].path), clip[i].bad, u.Posture, u.Kind,
			f.ForwardLean, f.HeadDrop, f.HeadShift, f.HeadRoll, f.ChinDrop, f.NeckGap, f.AtEdge, f.PersonPresent, u.SetupChanged, u.SceneShift)
	}
}
