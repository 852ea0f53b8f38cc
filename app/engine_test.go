package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
	"github.com/hunch-posture/hunch/vision/clips/cliptest"
)

// testEngine is an engine over a real history in a temporary directory,
// with no GUI listening: events stay on its channel.
func testEngine(t *testing.T) *Engine {
	t.Helper()
	s, err := history.Open(context.Background(), t.TempDir(), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	return New(Config{Camera: -1}, DefaultPrefs(), s, history.NewRecorder(s), t.TempDir(), func() {}, stop, io.Discard)
}

// lastStatus sends a status and takes it back off the GUI's channel, with
// every event sent before it.
func lastStatus(t *testing.T, e *Engine) Status {
	t.Helper()
	e.send(Status{Mode: ModeUpright})
	var last *Status
	for {
		select {
		case ev := <-e.events:
			if st, ok := ev.(Status); ok {
				last = &st
			}
		default:
			if last == nil {
				t.Fatal("no status was sent")
			}
			return *last
		}
	}
}

func TestTheStatusSaysTodaysUprightShareFromTheHistory(t *testing.T) {
	e := testEngine(t)
	// An earlier run today: 30 min upright, 10 min leaning in.
	start := time.Now().Add(-45 * time.Minute)
	if time.Now().Hour() == 0 {
		start = time.Now().Add(-time.Minute)
	}
	_ = e.rec.AddSpan(start, 30*time.Second, history.Upright, "")
	_ = e.rec.AddSpan(start.Add(30*time.Second), 10*time.Second, history.Slouched, "leaning_in")
	if st := lastStatus(t, e); st.HasToday {
		t.Fatalf("before the history was read: %+v", st)
	}
	e.readToday(true)
	st := lastStatus(t, e)
	if !st.HasToday || st.UprightPct != 75 || st.Today() != "Today: 75% upright" {
		t.Errorf("today from the history: %+v (%s)", st, st.Today())
	}

	if err := e.DeleteHistory(); err != nil {
		t.Fatal(err)
	}
	if st := lastStatus(t, e); st.HasToday {
		t.Errorf("after deleting the history: %+v", st)
	}
	e.readToday(true)
	if d, _ := e.store.Day(context.Background(), time.Now()); d.MonitoredS != 0 || lastStatus(t, e).HasToday {
		t.Errorf("the history was not deleted: %+v", d)
	}
}

// nextStatus waits for the worker's next status.
func nextStatus(t *testing.T, e *Engine) Status {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case ev := <-e.events:
			if st, ok := ev.(Status); ok {
				return st
			}
		case <-deadline:
			t.Fatal("no status within 10 s")
		}
	}
}

func TestPausingOrLockingTheScreenRestsTheCameraUntilItEnds(t *testing.T) {
	e := testEngine(t)
	ctx := context.Background()
	// holdAll is the worker's loop: it holds off again after every wake-up.
	holdAll := func() (time.Duration, int) {
		start, n := time.Now(), 0
		for e.holdOff(ctx) && time.Since(start) < 5*time.Second {
			n++
		}
		return time.Since(start), n
	}
	if _, n := holdAll(); n != 0 {
		t.Fatal("held off with no pause and no lock")
	}

	e.PauseFor(200 * time.Millisecond)
	if waited, n := holdAll(); n == 0 || waited < 150*time.Millisecond || e.pause.Paused() {
		t.Errorf("held off %v (%d times), paused %v: want the pause waited out, then ended", waited, n, e.pause.Paused())
	}
	if st := nextStatus(t, e); st.Mode != ModePaused || st.Note == "" {
		t.Errorf("while paused: status %+v, want paused with a note", st)
	}

	for len(e.events) > 0 {
		<-e.events
	}
	e.SetLocked(true)
	done := make(chan int)
	go func() { _, n := holdAll(); done <- n }()
	if st := nextStatus(t, e); st.Mode != ModePaused || st.Note != "Screen locked: the camera is off until you are back." {
		t.Errorf("screen locked: status %+v", st)
	}
	e.SetLocked(false)
	if n := <-done; n == 0 {
		t.Error("the lock did not hold the camera off")
	}
}

func TestASnoozeHoldsBackAlertsWhileWatchingGoesOn(t *testing.T) {
	e := testEngine(t)
	w := &watcher{e: e, prefs: DefaultPrefs()}
	w.prefs.Notify = true
	alerts := func() int {
		n := 0
		for len(e.events) > 0 {
			if _, ok := (<-e.events).(AlertEvent); ok {
				n++
			}
		}
		return n
	}
	w.alert(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
	if n := alerts(); n != 1 {
		t.Fatalf("%d alerts before snoozing, want 1", n)
	}
	e.SnoozeFor(time.Hour)
	w.alert(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
	if n := alerts(); n != 0 {
		t.Errorf("%d alerts while snoozed, want none", n)
	}
	if e.pause.Paused() {
		t.Error("a snooze paused watching")
	}
}

// TestTurningNotificationsOffLeavesTheSoundTheUserChose: with desktop
// notifications off an alert is not shown, but it is heard when the sound
// is on; with both off there is nothing to hand the GUI.
func TestTurningNotificationsOffLeavesTheSoundTheUserChose(t *testing.T) {
	for _, c := range []struct {
		notify, sound, sent, soundOnly bool
	}{{true, true, true, false}, {true, false, true, false}, {false, true, true, true}, {false, false, false, false}} {
		e := testEngine(t)
		w := &watcher{e: e, prefs: DefaultPrefs()}
		w.prefs.Notify, w.prefs.Sound = c.notify, c.sound
		w.alert(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
		var got []AlertEvent
		for len(e.events) > 0 {
			if a, ok := (<-e.events).(AlertEvent); ok {
				got = append(got, a)
			}
		}
		if (len(got) == 1) != c.sent || len(got) > 1 {
			t.Errorf("notifications %v, sound %v: %d alerts handed on, want %v", c.notify, c.sound, len(got), c.sent)
			continue
		}
		if c.sent && (got[0].SoundOnly != c.soundOnly || got[0].Sound != c.sound) {
			t.Errorf("notifications %v, sound %v: sound only %v, sound %v", c.notify, c.sound, got[0].SoundOnly, got[0].Sound)
		}
	}
}

// watchingEngine is a test engine watching a generated clip of a user
// sitting upright, its worker running until the test ends.
func watchingEngine(t *testing.T) *Engine {
	t.Helper()
	e := testEngine(t)
	clip, _ := generatedClip(t, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 60}}, clips.Options{Jitter: 0.5, Noise: 2, Seed: 5})
	e.flags = Config{Input: clip, Camera: -1, Detector: vision.DetectorBlazeFace, SegmentEvery: vision.DefaultConfig().SegmentEvery}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return e
}

func TestCancelStopsTheCalibration(t *testing.T) {
	e := watchingEngine(t)
	deadline := time.After(20 * time.Second)
	for seen := false; !seen; {
		select {
		case ev := <-e.events:
			_, seen = ev.(CalibrationView)
		case <-deadline:
			t.Fatal("the calibration never started")
		}
	}
	e.CancelCalibration()
	deadline = time.After(20 * time.Second)
	for {
		select {
		case ev := <-e.events:
			if v, ok := ev.(CalibrationView); ok && v.Phase == Calibrated {
				t.Fatal("the calibration went on after Cancel and saved a posture")
			}
			if st, ok := ev.(Status); ok && strings.Contains(st.Note, "Calibration cancelled") {
				if st.Mode != ModeNeedsCalibration {
					t.Errorf("after Cancel with no calibration: mode %v", st.Mode)
				}
				noCalibrationFor(t, e, 500*time.Millisecond, "after Cancel")
				return
			}
		case <-deadline:
			t.Fatal("Cancel was not acknowledged within 20 s")
		}
	}
}

func TestAFailedHistoryWriteReachesTheUser(t *testing.T) {
	e := testEngine(t)
	var stderr strings.Builder
	e.stderr = &stderr
	e.store.Close() // the disk went away
	w := &watcher{e: e, prefs: DefaultPrefs(), breaks: e.standUpBreaks(DefaultPrefs())}
	for i := 0; i < 2; i++ { // two frames: a span of time to book
		w.update(monitor.Update{At: time.Second, State: monitor.Upright, Posture: monitor.Upright})
		time.Sleep(20 * time.Millisecond)
	}
	w.flush()
	for len(e.events) > 0 { // the statuses sent before the failure
		<-e.events
	}
	if st := lastStatus(t, e); !strings.Contains(st.Note, "The history could not be saved") {
		t.Errorf("status note %q: want the failed write said", st.Note)
	}
	if n := strings.Count(stderr.String(), "\n"); n != 1 {
		t.Errorf("stderr %q: want the failure in one line", stderr.String())
	}
}

func TestAProfileThatCannotBeSavedIsSaid(t *testing.T) {
	e := testEngine(t)
	notAFolder := filepath.Join(t.TempDir(), "profiles") // a file where the folder should be: fails even for root
	if err := os.WriteFile(notAFolder, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	err := monitor.SaveProfile(filepath.Join(notAFolder, "camera-0.json"), monitor.Profile{})
	if err == nil {
		t.Fatal("a profile was saved inside a file")
	}
	e.complain("Calibrated for now, but not saved", err)
	if st := lastStatus(t, e); !strings.HasPrefix(st.Note, "Calibrated for now, but not saved: save profile") {
		t.Errorf("status note %q", st.Note)
	}
}

func TestAWarningFromOutsideTheEngineReachesTheUser(t *testing.T) {
	e := testEngine(t)
	e.Warn(nil)
	if st := lastStatus(t, e); st.Note != "" {
		t.Errorf("no warning, yet the status says %q", st.Note)
	}
	e.Warn(errors.New("watch screen lock and suspend: no D-Bus; Hunch will keep watching while the screen is locked"))
	if st := lastStatus(t, e); !strings.HasPrefix(st.Note, "watch screen lock and suspend: no D-Bus") {
		t.Errorf("status note %q: want the warning", st.Note)
	}
}

func TestTheStatusSaysUntilWhenAlertsAreSnoozedAndEndSnoozeEndsIt(t *testing.T) {
	e := testEngine(t)
	e.SnoozeFor(30 * time.Minute)
	if st := lastStatus(t, e); st.SnoozedUntil.Before(time.Now().Add(29*time.Minute)) || !e.quiet() {
		t.Fatalf("snoozed for 30 min: status until %v, quiet %v", st.SnoozedUntil, e.quiet())
	}
	e.EndSnooze()
	if st := lastStatus(t, e); !st.SnoozedUntil.IsZero() || e.quiet() {
		t.Errorf("after End snooze: status until %v, quiet %v", st.SnoozedUntil, e.quiet())
	}
}

// generatedClip makes a clip with known truth from the embedded real
// webcam frame.
var generatedClip = cliptest.Generated

func TestAlertsWaitUntilTheCalibrationsResultIsRead(t *testing.T) {
	e := testEngine(t)
	w := &watcher{e: e, prefs: DefaultPrefs()}
	e.awaitingDone = true // as right after a calibration
	w.alert(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
	if len(e.events) != 0 {
		t.Fatal("an alert came while the calibration's result was on the screen")
	}
	e.CalibrationDone()
	w.alert(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
	if _, ok := (<-e.events).(AlertEvent); !ok {
		t.Error("no alert after Done")
	}
}

// stepClock is a clock that moves only when the test says so.
type stepClock struct{ t time.Time }

func (c *stepClock) now() time.Time          { return c.t }
func (c *stepClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestSnoozesPausesAndTheHistoryFollowTheEnginesClock(t *testing.T) {
	e := testEngine(t)
	clock := &stepClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)}
	e.Now = clock.now
	e.SnoozeFor(15 * time.Minute)
	if st := lastStatus(t, e); !st.SnoozedUntil.Equal(clock.t.Add(15*time.Minute)) || !e.quiet() {
		t.Fatalf("snoozed at %v for 15 min: status until %v, quiet %v", clock.t, st.SnoozedUntil, e.quiet())
	}
	e.pause.For(20 * time.Minute)
	clock.advance(15*time.Minute + time.Second)
	if st := lastStatus(t, e); !st.SnoozedUntil.IsZero() || e.quiet() {
		t.Errorf("15 min later by the clock: status until %v, quiet %v; want the snooze over", st.SnoozedUntil, e.quiet())
	}
	if !e.pause.Paused() {
		t.Error("the 20 min pause ended after 15 min by the clock")
	}
	clock.advance(5 * time.Minute)
	if e.pause.Paused() {
		t.Error("the 20 min pause goes on after 20 min by the clock")
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local)
	evs, err := e.store.Events(context.Background(), start, start.Add(24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Kind != history.EventSnooze || !evs[0].At.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, time.Local)) {
		t.Errorf("history events on the clock's day: %+v, want the snooze at 10:00", evs)
	}
}

// TestANewSettingDoesNotRestartTheSittingClock: after 40 minutes sat, a new
// setting starts the watch again (a new watcher, its input time from 0):
// the stand-up reminder still comes at 50 minutes of sitting, not 50
// minutes after the change.
func TestANewSettingDoesNotRestartTheSittingClock(t *testing.T) {
	e := testEngine(t)
	start := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	clock := start
	e.Now = func() time.Time { return clock }
	var remindedAt []time.Duration
	watch := func(prefs Prefs, from, d time.Duration) {
		w := &watcher{e: e, prefs: prefs, breaks: e.standUpBreaks(prefs)}
		for at := from; at < from+d; at += 5 * time.Second {
			clock = start.Add(at)
			w.update(monitor.Update{At: at - from, State: monitor.Upright, Posture: monitor.Upright})
			for len(e.events) > 0 {
				if a, ok := (<-e.events).(AlertEvent); ok && strings.HasPrefix(a.Alert.Title, "Time to stand up") {
					remindedAt = append(remindedAt, at)
				}
			}
		}
		w.flush()
	}
	prefs := DefaultPrefs()
	watch(prefs, 0, 40*time.Minute)
	prefs.Sensitivity = monitor.High
	watch(prefs, 40*time.Minute, 15*time.Minute)
	if len(remindedAt) != 1 || remindedAt[0] != 50*time.Minute {
		t.Errorf("stand-up reminders at %v, want one at 50m0s", remindedAt)
	}
}

// TestOnlySlouchAlertsOfferASnooze: sitting slouched for 55 minutes brings
// slouch alerts, which offer the snooze, and at 50 minutes a stand-up
// reminder with the slouching figure, which does not: it is not an alert
// about the slouch that a snooze would hold back.
func TestOnlySlouchAlertsOfferASnooze(t *testing.T) {
	e := testEngine(t)
	start := time.Date(2026, 3, 14, 9, 0, 0, 0, time.Local)
	e.Now = func() time.Time { return start }
	prefs := DefaultPrefs()
	w := &watcher{e: e, prefs: prefs, breaks: e.standUpBreaks(prefs)}
	var slouch, standUp []AlertEvent
	for at := time.Duration(0); at < 55*time.Minute; at += 5 * time.Second {
		e.Now = func() time.Time { return start.Add(at) }
		alert := at%(10*time.Minute) == 0
		w.update(monitor.Update{At: at, State: monitor.Slouched, Posture: monitor.Slouched, StateKind: monitor.Hunched, SlouchFor: at, Alert: alert})
		for len(e.events) > 0 {
			if a, ok := (<-e.events).(AlertEvent); ok && strings.HasPrefix(a.Alert.Title, "Time to stand up") {
				standUp = append(standUp, a)
			} else if ok {
				slouch = append(slouch, a)
			}
		}
	}
	w.flush()
	if len(slouch) == 0 || len(standUp) != 1 {
		t.Fatalf("%d slouch alerts and %d stand-up reminders, want some and one", len(slouch), len(standUp))
	}
	for _, a := range slouch {
		if !a.Snooze || a.Mode != ModeSlouching {
			t.Errorf("slouch alert %q: snooze %v, mode %v; want a snooze and the slouching figure", a.Alert.Title, a.Snooze, a.Mode)
		}
	}
	if a := standUp[0]; a.Snooze || a.Mode != ModeSlouching {
		t.Errorf("stand-up reminder while slouching: snooze %v, mode %v; want no snooze and the slouching figure", a.Snooze, a.Mode)
	}
}

// TestCancelLetsAlertsThroughThatAnUnreadResultHeld: a result left on the
// screen without Done holds alerts back; cancelling the calibration that
// replaced it lets them through again.
func TestCancelLetsAlertsThroughThatAnUnreadResultHeld(t *testing.T) {
	e := testEngine(t)
	e.mu.Lock()
	e.awaitingDone = true // a result shown, never read
	e.mu.Unlock()
	e.CancelCalibration()
	if e.quiet() {
		t.Error("alerts are still held back after Cancel")
	}
}

// TestOnsetFromTheCommandLineOutlivesANewSetting: --onset holds for the
// run; changing another setting does not put the user's onset back.
func TestOnsetFromTheCommandLineOutlivesANewSetting(t *testing.T) {
	e := testEngine(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e.flags.Onset = 5 * time.Second
	p := DefaultPrefs()
	p.Sensitivity = monitor.High
	e.ApplySettings(p)
	e.autostartWrites.Wait()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.prefs.Onset != 5*time.Second {
		t.Errorf("onset %v after a new setting, want --onset's 5s", e.prefs.Onset)
	}
}

// TestASnoozeDuringAPauseIsShownAtOnce: while paused no status comes by
// itself; a snooze (and its end) is shown at once, over the pause's status.
func TestASnoozeDuringAPauseIsShownAtOnce(t *testing.T) {
	e := testEngine(t)
	e.send(Status{Mode: ModePaused, Note: "Paused until 15:45"})
	<-e.events
	e.SnoozeFor(30 * time.Minute)
	st, ok := (<-e.events).(Status)
	if !ok || st.Mode != ModePaused || st.Note != "Paused until 15:45" || st.SnoozedUntil.IsZero() {
		t.Fatalf("after Snooze while paused: %+v", st)
	}
	e.EndSnooze()
	if st, ok := (<-e.events).(Status); !ok || st.Mode != ModePaused || !st.SnoozedUntil.IsZero() {
		t.Errorf("after End snooze while paused: %+v", st)
	}
}
