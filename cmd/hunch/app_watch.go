package main

import (
	"time"

	"github.com/hunch-posture/hunch/gui"
	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// watcher turns each monitor.Update into history, alerts and a status.
type watcher struct {
	e        *engine
	source   string
	prefs    gui.Prefs
	breaks   *monitor.Breaks
	last     time.Time
	upright  time.Duration
	slouched time.Duration
	alerted  bool
	moved    bool
}

// update runs on the worker goroutine for every analysed frame.
func (w *watcher) update(u monitor.Update) {
	now := time.Now()
	if w.last.IsZero() {
		w.last = now
	}
	dt := min(now.Sub(w.last), 5*time.Second)
	w.last = now
	st := gui.Status{Source: w.source}
	if note := w.e.pause.Describe(); note != "" {
		_ = w.e.rec.AddSpan(now.Add(-dt), dt, history.Paused, "")
		st.Mode, st.Note = gui.ModePaused, note
		w.e.send(w.withToday(st))
		return
	}
	posture, kind := string(u.State), string(u.StateKind)
	if u.State == monitor.Calibrating {
		posture = history.Paused
	}
	_ = w.e.rec.AddSpan(now.Add(-dt), dt, posture, kind)
	switch u.State {
	case monitor.Upright:
		st.Mode = gui.ModeUpright
		w.upright += dt
	case monitor.Slouched:
		st.Mode, st.Kind, st.SlouchFor = gui.ModeSlouching, u.StateKind, u.SlouchFor
		w.slouched += dt
	case monitor.Away:
		st.Mode = gui.ModeAway
	default:
		st.Mode = gui.ModeNeedsCalibration
	}
	if u.SetupChanged {
		st.Note = "The camera or chair seems to have moved: recalibrate."
		if !w.moved {
			w.alert(monitor.RecalibrateAlert(), gui.ModeNeedsCalibration)
		}
	}
	w.moved = u.SetupChanged
	if u.Alert && !u.SetupChanged {
		_ = w.e.rec.AddEvent(history.Event{At: now, Kind: history.EventAlert, Detail: string(u.StateKind)})
		w.alert(monitor.SlouchAlert(u.StateKind, u.SlouchFor), gui.ModeSlouching)
	}
	if ev := w.breaks.Step(u); ev.Break {
		_ = w.e.rec.AddEvent(history.Event{At: now, Kind: history.EventBreak})
	} else if ev.Remind {
		_ = w.e.rec.AddEvent(history.Event{At: now, Kind: history.EventStandupReminder, Detail: ev.Exercise.Name})
		w.alert(monitor.StandUpAlert(ev.Exercise, ev.Sitting), st.Mode)
	}
	w.e.send(w.withToday(st))
	if u.Alert && !w.alerted {
		w.alerted = true
		w.e.capture("status")
	}
}

// alert hands an alert to the GUI when notifications are on.
func (w *watcher) alert(a monitor.Alert, m gui.Mode) {
	if !w.prefs.Notify {
		return
	}
	w.e.send(gui.AlertEvent{Alert: a, Sound: w.prefs.Sound, Mode: m})
}

// withToday adds this run's upright share (the history's day report gives
// the whole day in the report window).
func (w *watcher) withToday(st gui.Status) gui.Status {
	if p := w.upright + w.slouched; p > 0 {
		st.UprightPct, st.HasToday = 100*float64(w.upright)/float64(p), true
	}
	return st
}

// flush writes what the recorder holds.
func (w *watcher) flush() { _ = w.e.rec.Flush(contextBackground()) }
