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
		run, cancel := context.WithCancel(ctx)
		calib, prefs := e.startRun(cancel, b)
		if calib {
			nb, next := e.calibrateRun(ctx, run, cancel, p, name, profile, prefs, b == nil, demo)
			if next != watchNext {
				if next == endSession {
					return b
				}
				continue
			}
			b = nb
		}
		switch e.watchRun(ctx, run, cancel, p, name, prefs, e.runSettings(prefs, demo), b) {
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

// startRun records how to stop this run and takes what it needs: whether to
// calibrate first, and the preferences as they are now.
func (e *Engine) startRun(cancel context.CancelFunc, b *monitor.Baseline) (calib bool, prefs Prefs) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.restart = cancel
	calib = e.wantCalib || b == nil
	if calib {
		e.calibCancelled = false
	}
	e.wantCalib = false
	return calib, e.prefs
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

// calibrateRun shows the calibration screen and calibrates (first is set
// when there is no baseline yet), saving the profile when one is named. A
// calibration that fails ends the run (cancel is the run's).
func (e *Engine) calibrateRun(ctx, run context.Context, cancel context.CancelFunc, p Source, name, profile string, prefs Prefs, first, demo bool) (*monitor.Baseline, runStep) {
	reason := ""
	if first {
		reason = "Hunch has no calibration for " + name + " yet."
	}
	e.send(ShowCalibration{Reason: reason})
	e.send(Status{Mode: ModeNeedsCalibration, Source: name})
	b, err := e.calibrate(run, p, p.Info().Live, demo)
	stopped := run.Err() != nil // a request of the user's, or the app stopping, ended it
	if err != nil {
		cancel()
	}
	switch {
	case err == nil:
	case e.takeCancelled():
		if first {
			e.waitAfterCancel(ctx, name)
		}
		return nil, runAgain
	case errors.Is(err, io.EOF):
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "The recording ended before calibration."})
		e.wait(ctx)
		return nil, endSession
	case stopped:
		// A request ended it, not a Cancel: the calibration goes on in the
		// next run, after the request is carried out (one that needs the
		// source opened anew, such as another camera, ends the session).
		e.mu.Lock()
		e.wantCalib = true
		e.mu.Unlock()
		if e.mustReopen(prefs) {
			return nil, endSession
		}
		return nil, runAgain
	default:
		// Failed by itself: the screen says why and offers Try again. With
		// no baseline there is nothing to watch with until the user asks;
		// with one, watching goes on with it meanwhile.
		if first {
			e.wait(ctx)
			if e.takeCancelled() { // the user closed the failed screen
				e.waitAfterCancel(ctx, name)
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
// the user asks for one (or anything else).
func (e *Engine) waitAfterCancel(ctx context.Context, name string) {
	e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "Calibration cancelled: calibrate when you are ready."})
	e.wait(ctx)
}

// watchRun watches with baseline b until the run is stopped (cancel is the
// run's) or the source ends, and says what the session does next.
func (e *Engine) watchRun(ctx, run context.Context, cancel context.CancelFunc, p Source, name string, prefs Prefs, set monitor.Settings, b *monitor.Baseline) runStep {
	w := &watcher{e: e, source: name, prefs: prefs, breaks: monitor.NewBreaks(breakSettings(prefs))}
	pol := monitor.DefaultSamplingPolicy()
	if prefs.FPS > 0 {
		pol = monitor.SamplingPolicyAt(prefs.FPS)
	}
	_, err := monitor.Watch{Baseline: b, Settings: set, Sampling: &pol}.Run(run, p, w.update)
	stopped := run.Err() != nil // a request of the user's, or the app stopping, ended it
	cancel()
	w.flush()
	switch {
	case err == nil || errors.Is(err, io.EOF):
		e.readToday(true)
		e.send(Status{Mode: ModeAway, Source: name, Note: "The recording ended."})
		fmt.Fprintf(e.stderr, "hunch: %s: the recording ended; quit from the window or with Ctrl+C\n", name)
		e.wait(ctx)
		return endSession
	case errors.Is(err, monitor.ErrOtherPicture):
		// The saved calibration is of another picture: calibrate again.
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: "The camera's picture changed shape since you calibrated."})
		return recalibrate
	case !stopped:
		// The source failed by itself: say so and wait for the user, rather
		// than watch it fail again at once.
		e.send(Status{Mode: ModeNeedsCalibration, Source: name, Note: err.Error()})
		e.wait(ctx)
		return endSession
	}
	if e.mustReopen(prefs) {
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

// breakSettings are the stand-up breaks the user chose.
func breakSettings(p Prefs) monitor.BreakSettings {
	s := monitor.DefaultBreakSettings()
	if p.BreakInterval > 0 {
		s.Interval = p.BreakInterval
	}
	return s
}
