package app

import (
	"context"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// watcher turns each monitor.Update into history, alerts and a status.
type watcher struct {
	e      *Engine
	source string
	prefs  Prefs
	breaks *monitor.Breaks
	last   time.Time
	moved  bool
}

// update runs on the worker goroutine for every analysed frame.
func (w *watcher) update(u monitor.Update) {
	now := w.e.now()
	if w.last.IsZero() {
		w.last = now
	}
	dt := min(now.Sub(w.last), 5*time.Second)
	w.last = now
	st := Status{Source: w.source}
	if note := w.e.pause.Describe(); note != "" {
		w.e.keep(w.e.rec.AddSpan(now.Add(-dt), dt, history.Paused, ""))
		st.Mode, st.Note = ModePaused, note
		w.e.readToday(false)
		w.e.send(st)
		return
	}
	if u.CameraCovered {
		st.Mode, st.Note = ModePaused, "Camera covered: Hunch sees nothing, so it counts nothing."
		w.e.send(st)
		return
	}
	w.e.keep(w.e.rec.Book(now, dt, string(u.State), string(u.StateKind), u.Alert))
	switch u.State {
	case monitor.Upright:
		st.Mode = ModeUpright
	case monitor.Slouched:
		st.Mode, st.Kind, st.SlouchFor = ModeSlouching, u.StateKind, u.SlouchFor
	case monitor.Away:
		st.Mode = ModeAway
	default:
		st.Mode = ModeNeedsCalibration
	}
	if u.SetupChanged {
		st.Note = "The camera or chair seems to have moved: recalibrate."
		if !w.moved {
			w.alert(AlertEvent{Alert: monitor.RecalibrateAlert(), Mode: ModeNeedsCalibration})
		}
	}
	w.moved = u.SetupChanged
	if u.Alert {
		w.alert(AlertEvent{Alert: monitor.SlouchAlert(u.StateKind, u.SlouchFor), Mode: ModeSlouching, Snooze: true})
	}
	if ev := w.breaks.Step(w.onWallClock(u, now)); ev.Break {
		w.e.keep(w.e.rec.AddEvent(history.Event{At: now, Kind: history.EventBreak}))
	} else if ev.Remind {
		w.e.keep(w.e.rec.AddEvent(history.Event{At: now, Kind: history.EventStandupReminder, Detail: ev.Exercise.Name}))
		w.alert(AlertEvent{Alert: monitor.StandUpAlert(ev.Exercise, ev.Sitting), Mode: st.Mode})
	}
	w.e.readToday(false)
	w.e.send(st)
}

// onWallClock is u timed by the wall clock from the break keeper's start
// rather than by its run's input time, which starts again with every
// source opened: the sitting clock goes on across runs.
func (w *watcher) onWallClock(u monitor.Update, now time.Time) monitor.Update {
	u.At = now.Sub(w.e.breaksFrom)
	return u
}

// alert hands an alert to the GUI unless alerts are snoozed: shown when
// notifications are on, with the sound when the user chose it; only heard
// when notifications are off and the sound on; else not at all.
func (w *watcher) alert(a AlertEvent) {
	if (!w.prefs.Notify && !w.prefs.Sound) || w.e.quiet() {
		return
	}
	a.Sound, a.SoundOnly = w.prefs.Sound, !w.prefs.Notify
	w.e.send(a)
}

// flush writes what the recorder holds.
func (w *watcher) flush() { w.e.keep(w.e.rec.Flush(context.Background())) }
