package app

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// A session is one open source, from its calibration to its end: runs of
// calibrating and watching, one after another, each ended by the source, a
// request of the user's or the app stopping.

// session calibrates when there is no baseline, then watches until the
// source ends, a request restarts it or ctx is cancelled. It returns the
// baseline in use. demo says the source is the demo clip, for the whole
// session: a restart (new settings) keeps the demo's onset.
func (e *Engine) session(ctx context.Context, p Source, name, profile string, b *monitor.Baseline, demo bool) *monitor.Baseline {
	e.mu.Lock()
	e.wantDemo = false // this session is the demo asked for
	e.mu.Unlock()
	for ctx.Err() == nil {
		r, calib := e.startRun(ctx, b)
		if calib {
			nb, next := e.calibrateRun(ctx, r, p, name, profile, b == nil, demo)
			if next != watchNext {
				if next == endSession {
					return b
				}
				continue
			}
			b = nb
		}
		switch e.watchRun(ctx, r, p, name, e.runSettings(r.prefs, demo), b) {
		case endSession:
			return b
		case recalibrate:
			b = nil
		}
	}
	return b
}

// runStep is what a session does after one calibration or one watch.
type runStep int

const (
	watchNext   runStep = iota // calibrated: watch with the new baseline
	runAgain                   // start another run (calibrate if asked)
	recalibrate                // start another run with no baseline
	endSession                 // return from the session
)

// A run is one calibration or one watch of a session.
type run struct {
	ctx    context.Context // ended by a request of the user's or the app stopping
	cancel context.CancelFunc
	prefs  Prefs  // the user's preferences when the run began
	asked  uint64 // the number of the user's last request before it began
}

// stopped says whether a request of the user's, or the app stopping, ended
// the run.
func (r run) stopped() bool { return r.ctx.Err() != nil }

// startRun begins a run within ctx, recording how to stop it, and says
// whether to calibrate first.
func (e *Engine) startRun(ctx context.Context, b *monitor.Baseline) (r run, calib bool) {
	r.ctx, r.cancel = context.WithCancel(ctx)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.restart = r.cancel
	calib = e.wantCalib || b == nil
	if calib {
		e.calibCancelled = false
	}
	e.wantCalib = false
	r.prefs, r.asked = e.prefs, e.asked
	return r, calib
}

// runSettings are the judgement's settings for one run from the user's
// preferences; the demo alerts sooner unless --onset was given.
func (e *Engine) runSettings(prefs Prefs, demo bool) monitor.Settings {
	set := monitor.DefaultSettings()
	set.Sensitivity, set.Onset = prefs.Sensitivity, prefs.Onset
	if demo && e.flags.Onset == 0 {
		set.Onset = demoOnset // for this run only: the user's own setting stays
	}
	return set
}

// calibrateRun shows the calibration screen and calibrates in run r (first
// is set when there is no baseline yet), saving the profile when one is
// named. A calibration that fails ends the run.
func (e *Engine) calibrateRun(ctx context.Context, r run, p Source, name, profile string, first, demo bool) (*monitor.Baseline, runStep) {
	reason := ""
	if first {
		reason = "Hunch has no calibration for " + name + " yet."
	}
	e.send(ShowCalibration{Reason: reason})
	e.send(Status{Mode: ModeNeedsCalibration, Source: name})
	b, err := e.calibrate(r.ctx, p, p.Info().Live, demo)
	stopped := r.stopped()
	if err != nil {
		r.cancel()
	}
	cancelled, cancelAsk := e.takeCancelled()
	switch {
	case err == nil:
	case cancelled:
		if first {
			e.waitAfterCancel(ctx, name, cancelAsk)
		}
		return nil, runAgain
	case errors.Is(err, io.EOF):
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "The recording ended before calibration."})
		e.wait(ctx, r.asked)
		return nil, endSession
	case stopped:
		// A request ended it, not a Cancel: the calibration goes on in the
		// next run, after the request is carried out (one that needs the
		// source opened anew, such as another camera, ends the session).
		e.mu.Lock()
		e.wantCalib = true
		e.mu.Unlock()
		if e.mustReopen(r.prefs) {
			return nil, endSession
		}
		return nil, runAgain
	default:
		// Failed by itself: the screen says why and offers Try again. With
		// no baseline there is nothing to watch with until the user asks;
		// with one, watching goes on with it meanwhile.
		if first {
			e.wait(ctx, r.asked)
			if cancelled, at := e.takeCancelled(); cancelled { // the user closed the failed screen
				e.waitAfterCancel(ctx, name, at)
			}
		}
		return nil, runAgain
	}
	e.note(history.EventCalibration, name)
	if profile != "" {
		e.complain("Calibrated for now, but not saved", monitor.SaveProfile(profile, monitor.Profile{Created: e.now().UTC(), Source: name, Baseline: *b}))
	}
	return b, watchNext
}

// waitAfterCancel says the first calibration was cancelled and waits until
// the user asks for one (or anything else) after the Cancel, request
// number cancelAsk.
func (e *Engine) waitAfterCancel(ctx context.Context, name string, cancelAsk uint64) {
	e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "Calibration cancelled: calibrate when you are ready."})
	e.wait(ctx, cancelAsk)
}

// watchRun watches with baseline b until run r is stopped or the source
// ends, and says what the session does next.
func (e *Engine) watchRun(ctx context.Context, r run, p Source, name string, set monitor.Settings, b *monitor.Baseline) runStep {
	w := &watcher{e: e, source: name, prefs: r.prefs, breaks: e.standUpBreaks(r.prefs)}
	pol := monitor.DefaultSamplingPolicy()
	if r.prefs.FPS > 0 {
		pol = monitor.SamplingPolicyAt(r.prefs.FPS)
	}
	_, err := monitor.Watch{Baseline: b, Settings: set, Sampling: &pol}.Run(r.ctx, p, w.update)
	stopped := r.stopped()
	r.cancel()
	w.flush()
	switch {
	case err == nil || errors.Is(err, io.EOF):
		e.readToday(true)
		e.send(Status{Mode: ModeAway, Source: name, Note: "The recording ended."})
		fmt.Fprintf(e.stderr, "hunch: %s: the recording ended; quit from the window or with Ctrl+C\n", name)
		e.wait(ctx, r.asked)
		return endSession
	case errors.Is(err, monitor.ErrOtherPicture):
		// The saved calibration is of another picture: calibrate again.
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "The camera's picture changed shape since you calibrated."})
		return recalibrate
	case !stopped:
		// The source failed by itself: say so and wait for the user, rather
		// than watch it fail again at once.
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: err.Error()})
		e.wait(ctx, r.asked)
		return endSession
	}
	if e.mustReopen(r.prefs) {
		return endSession
	}
	return runAgain
}

// mustReopen says whether what the user asked since a run began with prefs
// needs the source opened anew: another camera or rate, the demo, the
// screen locked or a pause.
func (e *Engine) mustReopen(prefs Prefs) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.prefs.FPS != prefs.FPS || e.prefs.Camera != prefs.Camera || e.wantDemo || e.locked || e.pause.Paused()
}

// standUpBreaks is the app's one break keeper, with the breaks the user
// chose in prefs.
func (e *Engine) standUpBreaks(prefs Prefs) *monitor.Breaks {
	if e.breaks == nil {
		e.breaks, e.breaksFrom = monitor.NewBreaks(breakSettings(prefs)), e.now()
	}
	e.breaks.Use(breakSettings(prefs))
	return e.breaks
}

// breakSettings are the stand-up breaks the user chose.
func breakSettings(p Prefs) monitor.BreakSettings {
	s := monitor.DefaultBreakSettings()
	if p.BreakInterval > 0 {
		s.Interval = p.BreakInterval
	}
	return s
}
