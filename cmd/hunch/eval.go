//go:build !front && !cameraonly

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
	runners["eval"] = runEval
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
	fs := newCommandFlags("eval", "eval [--shared DIR] [--segment-every N] [--compare] [--views] [--analyse-every | --savings] [--generated-unseen] [--trace CLIP]",
		"hunch eval --shared ../shared --views")
	shared := fs.String("shared", defaultShared(), "the shared `folder` with testdata/")
	segEvery := fs.Int("segment-every", defaultSegmentEvery, "segmentation every N frames (0: off)")
	compare := fs.Bool("compare", true, "also run without segmentation, to show what it buys")
	views := fs.Bool("views", false, "also show the frames scaled up and pillarboxed, dimmed, and with a face mask painted on")
	every := fs.Bool("analyse-every", false, "run the networks on every frame, even unchanged ones (to measure what skipping them saves)")
	unseen := fs.Bool("generated-unseen", false, "also generate clips from one upright frame of each person the shipped weights never saw, judged but never fitted on")
	savings := fs.Bool("savings", false, "only compare looking at every frame with skipping unchanged pictures, clip by clip")
	fs.StringVar(&evalTrace, "trace", "", "print every frame's features for the named `clip` (add +sample for the mode with a slouch sample, or all)")
	if help, err := fs.parse(args, stdout, stderr); help || err != nil {
		return err
	}
	evalTraceOut = stderr
	testdata, err := testdataDir(*shared)
	if err != nil {
		return err
	}
	if *savings {
		return savingsTable(ctx, testdata, evalPass{view: "as recorded", detector: vision.DetectorBlazeFace, segEvery: *segEvery}, stdout)
	}
	passes := evalPasses(*segEvery, *compare, *views)
	for i := range passes {
		passes[i].analyseEvery = *every
	}
	fmt.Fprintln(stdout, "Leave-one-person-out: each person is judged by weights fitted without any of their frames.")
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "clip\tview\tdetector\tsegment\tupright-only\twith sample\tshipped weights (/ with sample)\tupright→(u/s/a)\tslouched→(u/s/a)\tslouches caught\tfalse alerts (/ with sample)\t45 s slouch alerts (/ with sample; shipped weights)\tsetup change\tnote")
	var models map[string]monitor.Model
	for i, ps := range passes {
		cases, err := observeCases(ctx, testdata, ps, nil)
		if err != nil {
			return err
		}
		if i == 0 { // one set of weights per person, fitted on the default pass
			if models, err = leaveOneOut(ctx, cases); err != nil {
				return err
			}
		}
		rows := judgePeople(ctx, cases, models)
		for _, r := range rows {
			fmt.Fprintln(tw, r.line(ps))
		}
		fmt.Fprintln(tw, summarise(rows, ps))
		if *unseen && i == 0 {
			extra, err := judgeGeneratedUnseen(ctx, testdata, ps, models)
			if err != nil {
				return err
			}
			for _, r := range extra {
				fmt.Fprintln(tw, r.line(ps))
			}
		}
	}
	return tw.Flush()
}

// testdataDir is shared's testdata folder, or a one-line error.
func testdataDir(shared string) (string, error) {
	dir := filepath.Join(shared, "testdata")
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("no test data in %s: pass --shared DIR (the folder holding testdata/)", shared)
	}
	return dir, nil
}

// evalPasses are the ways of running the evaluation the flags ask for.
func evalPasses(segEvery int, compare, views bool) []evalPass {
	passes := []evalPass{{view: "as recorded", detector: vision.DetectorBlazeFace, segEvery: segEvery}}
	if compare && segEvery != 0 {
		passes = append(passes, evalPass{view: "as recorded", detector: vision.DetectorBlazeFace},
			evalPass{view: "as recorded", detector: vision.DetectorCascade, segEvery: segEvery})
	}
	if views {
		passes = append(passes,
			evalPass{view: "640x480 pillarboxed", detector: vision.DetectorBlazeFace, segEvery: segEvery, show: clips.View{Size: image.Pt(640, 480), Pillarbox: true}},
			evalPass{view: "dim (x0.4)", detector: vision.DetectorBlazeFace, segEvery: segEvery, show: clips.View{Gain: 0.4}},
			evalPass{view: "face mask", detector: vision.DetectorBlazeFace, segEvery: segEvery, show: clips.View{FaceMask: true}})
	}
	return passes
}

// evalPass is one way of running the evaluation: how the frames are shown
// and which inputs the pipeline uses.
type evalPass struct {
	view     string
	show     clips.View
	detector string
	segEvery int // 0: no segmentation
	// analyseEvery runs the networks on unchanged frames too.
	analyseEvery bool
}

// personRow is one case judged by the weights fitted without its person,
// upright calibration only and with the slouch sample.
type personRow struct {
	upright, sampled            evalResult
	hasSample                   bool
	sustained, sustainedSampled sustainedResult
	hasSustained                bool
	generated                   bool
	// shipped and shippedSampled are the case judged by the embedded
	// weights; seenByShipped marks the cases they were fitted on.
	shipped, shippedSampled evalResult
	seenByShipped           bool
	// shippedSustained are the 45 s slouch clip judged by them.
	shippedSustained, shippedSustainedSampled sustainedResult
}

// judgePeople judges every case with its person's left-out model.
func judgePeople(ctx context.Context, cases []observedCase, models map[string]monitor.Model) []personRow {
	shipped := monitor.DefaultModel()
	var rows []personRow
	for _, oc := range cases {
		m := models[rootPerson(oc.person)]
		r := personRow{upright: oc.judge(ctx, m, false), generated: oc.generated, seenByShipped: oc.redistributable}
		r.shipped = oc.judge(ctx, shipped, false)
		if oc.err == nil && oc.clip[calibFrames].sample {
			r.hasSample, r.sampled = true, oc.judge(ctx, m, true)
			r.shippedSampled = oc.judge(ctx, shipped, true)
		}
		if oc.err == nil && oc.sustained != nil {
			r.hasSustained = true
			r.sustained, r.sustainedSampled = oc.judgeSustained(ctx, m, false), oc.judgeSustained(ctx, m, true)
			r.shippedSustained, r.shippedSustainedSampled = oc.judgeSustained(ctx, shipped, false), oc.judgeSustained(ctx, shipped, true)
		}
		rows = append(rows, r)
	}
	return rows
}

func (pr personRow) line(ps evalPass) string {
	r := pr.upright
	lead := fmt.Sprintf("%s\t%s\t%s\t%d", r.name, ps.view, ps.detector, ps.segEvery)
	if r.err != nil {
		return fmt.Sprintf("%s\terror: %v\t\t\t\t\t\t\t\t\t", lead, r.err)
	}
	c := r.confusion
	sampled, sustained, shipped := "-", "-", fmt.Sprintf("%.1f%%", 100*pr.shipped.accuracy())
	falseAlerts := fmt.Sprint(r.falseAlerts)
	if pr.hasSample {
		sampled = fmt.Sprintf("%.1f%%", 100*pr.sampled.accuracy())
		falseAlerts += fmt.Sprintf(" / %d", pr.sampled.falseAlerts)
		shipped += fmt.Sprintf(" / %.1f%%", 100*pr.shippedSampled.accuracy())
	}
	if pr.seenByShipped {
		shipped += " (fitted on)"
	}
	if pr.hasSustained {
		sustained = fmt.Sprintf("%v / %v; shipped %v / %v", pr.sustained, pr.sustainedSampled, pr.shippedSustained, pr.shippedSustainedSampled)
	}
	return fmt.Sprintf("%s\t%.1f%% of %d\t%s\t%s\t%d/%d/%d\t%d/%d/%d\t%d of %d\t%s\t%s\t%s\t%s",
		lead, 100*r.accuracy(), r.frames, sampled, shipped, c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2],
		r.caught, r.badSegments, falseAlerts, sustained, r.setupText(), r.note)
}

// setupText says when a camera move was reported, and whether it was one.
func (r evalResult) setupText() string {
	switch {
	case r.movedAt >= 0 && r.setupChangedAt >= 0:
		return fmt.Sprintf("after %.1f s", (r.setupChangedAt - r.movedAt).Seconds())
	case r.movedAt >= 0:
		return "not reported"
	case r.setupChangedAt >= 0:
		return fmt.Sprintf("FALSE at %.1f s", r.setupChangedAt.Seconds())
	}
	return "-"
}

// summarise is the pass's line over the people with both labels (and a
// camera that stayed put): the lowest and the mean accuracy in each mode, the
// sustained slouches alerted once, and the false camera moves.
func summarise(rows []personRow, ps evalPass) string {
	var up, sam, shipUp, shipSam []float64
	sustainedOK, sustainedN, falseMoves := 0, 0, 0
	for _, r := range rows {
		if r.upright.movedAt < 0 && r.upright.setupChangedAt >= 0 {
			falseMoves++
		}
		if !r.hasSample || r.generated {
			continue
		}
		up, sam = append(up, r.upright.accuracy()), append(sam, r.sampled.accuracy())
		if !r.seenByShipped {
			shipUp, shipSam = append(shipUp, r.shipped.accuracy()), append(shipSam, r.shippedSampled.accuracy())
		}
		for _, s := range []sustainedResult{r.sustained, r.sustainedSampled} {
			sustainedN++
			if s.ok() {
				sustainedOK++
			}
		}
	}
	return fmt.Sprintf("%d people with both labels\t%s\t%s\t%d\tmin %.1f%% mean %.1f%%\tmin %.1f%% mean %.1f%%\t%d unseen: min %.1f%% / %.1f%%, mean %.1f%% / %.1f%%\t\t\t\t\t%d of %d once in 35 s\t%d false\t",
		len(up), ps.view, ps.detector, ps.segEvery, 100*minOf(up), 100*meanOf(up), 100*minOf(sam), 100*meanOf(sam),
		len(shipUp), 100*minOf(shipUp), 100*minOf(shipSam), 100*meanOf(shipUp), 100*meanOf(shipSam), sustainedOK, sustainedN, falseMoves)
}

func minOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

func meanOf(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func defaultShared() string {
	for _, d := range []string{"../shared", "../../shared"} {
		if _, err := os.Stat(filepath.Join(d, "testdata")); err == nil {
			return d
		}
	}
	return "../shared"
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
		if u.Posture == monitor.Calibrating || f.sample || f.skip || i-lastChange < evalFPS {
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

// evalTrace names the clip whose frames are traced to evalTraceOut.
var (
	evalTrace    string
	evalTraceOut io.Writer = os.Stderr
)

func trace(w io.Writer, name string, clip []labelledFrame, ups []monitor.Update) {
	for i, u := range ups {
		f := u.Features
		fmt.Fprintf(w, "%-9s %3d %-22s bad=%-5v %-9s %-12s state=%-9s slouch=%4.0fs alert=%-5v score=%.2f lean=%+.2f drop=%+.2f shift=%+.2f roll=%+5.1f chin=%+.2f neck=%.2f edge=%v person=%v setup=%v %.2f\n",
			name, i, filepath.Base(filepath.Dir(clip[i].path))+"/"+filepath.Base(clip[i].path), clip[i].bad, u.Posture, u.Kind,
			u.State, u.SlouchFor.Seconds(), u.Alert, u.Score,
			f.ForwardLean, f.HeadDrop, f.HeadShift, f.HeadRoll, f.ChinDrop, f.NeckGap, f.AtEdge, f.PersonPresent, u.SetupChanged, u.SceneShift)
	}
}
