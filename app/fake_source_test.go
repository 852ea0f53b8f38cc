package app

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

// fakeCamera is a live source of synthetic observations, one every half
// second of input time and a millisecond of real time; when its script ends
// it waits, as a camera does, until the watch is cancelled.
type fakeCamera struct {
	obs  []monitor.Observation
	next int
	mu   sync.Mutex // guards next against a test reading it
}

// finished says whether the whole script was observed.
func (c *fakeCamera) finished() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.next >= len(c.obs)
}

func (c *fakeCamera) Observe(ctx context.Context) (monitor.Observation, error) {
	if err := ctx.Err(); err != nil {
		return monitor.Observation{}, err
	}
	if c.finished() {
		<-ctx.Done()
		return monitor.Observation{}, ctx.Err()
	}
	time.Sleep(time.Millisecond)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next++
	return c.obs[c.next-1], nil
}

func (c *fakeCamera) Close() error { return nil }
func (c *fakeCamera) Info() vision.SourceInfo {
	return vision.SourceInfo{Name: "fake camera", Live: true}
}

// seated is a well-lit user in a 640x480 picture at time at, the face
// grown by lean (0.35: leaning in).
func seated(at time.Duration, lean float64) monitor.Observation {
	w, h := 140*(1+lean), 170*(1+lean)
	f := monitor.Face{Box: monitor.Rect{X: 320 - w/2, Y: 205 - h/2, W: w, H: h}, Score: 0.9}
	return monitor.Observation{At: at, Width: 640, Height: 480, Faces: []monitor.Face{f}, Brightness: 120, Contrast: 40}
}

// script is n frames upright, then m leaning in.
func script(n, m int) []monitor.Observation {
	var obs []monitor.Observation
	for i := 0; i < n+m; i++ {
		lean := 0.0
		if i >= n {
			lean = 0.35
		}
		obs = append(obs, seated(time.Duration(i)*time.Second/2, lean))
	}
	return obs
}

func TestTheAppCalibratesOnStartThenAlertsOnASlouch(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config) // the camera's profile is saved there
	e := testEngine(t)
	var mu sync.Mutex
	var opened []vision.Config
	e.open = func(cfg vision.Config) (Source, error) {
		mu.Lock()
		defer mu.Unlock()
		opened = append(opened, cfg)
		return &fakeCamera{obs: script(2000, 120)}, nil
	}
	runEngine(t, e)

	started, calibrated := false, false
	deadline := time.After(30 * time.Second)
	for {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView:
				if v.Phase == Countdown && !started {
					t.Fatal("the countdown began before the user pressed Start")
				}
				started = started || v.CanStart
				calibrated = calibrated || v.Phase == Calibrated
				answerAsUser(e, v)
			case AlertEvent:
				if !calibrated || v.Mode != ModeSlouching {
					t.Fatalf("an alert (%v) before calibration or not of a slouch: %+v", calibrated, v)
				}
				mu.Lock()
				if len(opened) != 1 || opened[0].Camera != 0 {
					t.Errorf("opened %+v, want the first camera once", opened)
				}
				mu.Unlock()
				if _, err := monitor.LoadProfile(filepath.Join(config, "hunch", "profiles", "camera-0.json")); err != nil {
					t.Errorf("the calibration was not saved as the camera's profile: %v", err)
				}
				return
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("stalled: started %v, calibrated %v", started, calibrated)
		case <-deadline:
			t.Fatalf("no slouch alert: started %v, calibrated %v", started, calibrated)
		}
	}
}

// runEngine runs e's worker until the test ends.
func runEngine(t *testing.T, e *Engine) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
}

// answerAsUser does on the calibration screen what a user does: Start
// once the checks hold, Skip the slouch sample, Done after the result.
func answerAsUser(e *Engine, v CalibrationView) {
	switch {
	case v.CanStart:
		e.BeginCalibration()
	case v.Phase == SlouchOffer:
		e.SampleSlouch(false)
	case v.Phase == Calibrated:
		e.CalibrationDone()
	}
}

// recordingOf is a fake recording: the script, then its end.
type recordingOf struct{ fakeCamera }

func (r *recordingOf) Observe(ctx context.Context) (monitor.Observation, error) {
	if r.finished() {
		return monitor.Observation{}, io.EOF
	}
	return r.fakeCamera.Observe(ctx)
}
func (r *recordingOf) Info() vision.SourceInfo { return vision.SourceInfo{Name: "demo"} }

func TestTheDemoLeavesTheUsersSessionAsItWas(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	e.open = func(cfg vision.Config) (Source, error) {
		if cfg.Input != "" { // the demo clip
			return &recordingOf{fakeCamera{obs: script(40, 60)}}, nil
		}
		return &fakeCamera{obs: script(2000, 120)}, nil
	}
	e.StartDemo()
	runEngine(t, e)

	var alerts []string
	deadline := time.After(4 * time.Minute) // the demo clip is generated first: slow under the race detector
	for len(alerts) < 2 {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView:
				if v.CanStart && len(alerts) == 0 {
					t.Fatal("the demo waits for a Start: its person is not the user")
				}
				answerAsUser(e, v)
			case Status:
				if strings.Contains(v.Note, "recording ended") && len(alerts) == 1 {
					e.StartCalibration() // back to the camera
				}
			case AlertEvent:
				if v.Mode == ModeSlouching {
					alerts = append(alerts, v.Alert.Body)
				}
			}
		case <-deadline:
			t.Fatalf("alerts so far: %q", alerts)
		}
	}
	if !strings.Contains(alerts[0], "for 6 s") {
		t.Errorf("the demo's alert %q: want it after the demo's 6 s onset", alerts[0])
	}
	if !strings.Contains(alerts[1], "for 20 s") {
		t.Errorf("the camera's alert after the demo %q: want the user's own 20 s onset", alerts[1])
	}
	e.mu.Lock()
	onset := e.prefs.Onset
	e.mu.Unlock()
	if onset != DefaultPrefs().Onset {
		t.Errorf("the demo left the onset at %v", onset)
	}
}

func TestSettingsAppliedMidSessionTakeEffectWithoutRecalibrating(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	cam := &fakeCamera{obs: script(600, 80)} // then a 40 s lean
	var opens atomic.Int32
	e.open = func(vision.Config) (Source, error) { opens.Add(1); return cam, nil }
	runEngine(t, e)

	calibrations, applied := 0, false
	deadline := time.After(60 * time.Second)
	for {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView:
				answerAsUser(e, v) // Done too: no alert may be held back for it
				if v.Phase == Calibrated {
					calibrations++
					p := DefaultPrefs()
					p.Onset = time.Minute // longer than the lean to come
					e.ApplySettings(p)
					applied = true
				}
			case AlertEvent:
				if v.Mode == ModeSlouching {
					t.Fatalf("a 40 s lean alerted although the onset was set to a minute: %s", v.Alert.Body)
				}
			}
		case <-deadline:
			t.Fatal("the script never ended")
		case <-time.After(3 * time.Second):
			if !cam.finished() {
				continue
			}
			if !applied || calibrations != 1 || opens.Load() != 1 {
				t.Fatalf("applied %v, calibrations %d, sources opened %d; want the settings applied to the same watch, calibrated once", applied, calibrations, opens.Load())
			}
			return
		}
	}
}

func TestSettingsAppliedDuringTheDemoKeepItsOnset(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	e.open = func(cfg vision.Config) (Source, error) {
		if cfg.Input == "" {
			t.Error("the camera was opened during the demo")
		}
		return &recordingOf{fakeCamera{obs: script(40, 60)}}, nil
	}
	e.StartDemo()
	runEngine(t, e)

	deadline := time.After(4 * time.Minute) // the demo clip is generated first
	for {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView:
				answerAsUser(e, v)
				if v.Phase == Calibrated {
					p := DefaultPrefs()
					p.Sensitivity = monitor.High // any change restarts the watch
					e.ApplySettings(p)
				}
			case AlertEvent:
				if v.Mode != ModeSlouching {
					continue
				}
				if !strings.Contains(v.Alert.Body, "for 6 s") {
					t.Errorf("the demo's alert after a settings change %q: want it after the demo's 6 s onset", v.Alert.Body)
				}
				return
			}
		case <-deadline:
			t.Fatal("the demo never alerted")
		}
	}
}

// inRoom puts obs in front of a textured room's 32×24 thumbnail, slid right
// by dx pixels (a moved camera), the face half its size so that the room
// shows beside the user.
func inRoom(obs []monitor.Observation, from, dx int) {
	for i := from; i < len(obs); i++ {
		for j := range obs[i].Faces {
			b := &obs[i].Faces[j].Box
			*b = monitor.Rect{X: b.X + b.W/4, Y: b.Y + b.H/4, W: b.W / 2, H: b.H / 2}
		}
		sc := monitor.Scene{W: 32, H: 24, Pix: make([]float32, 32*24)}
		for y := 0; y < 24; y++ {
			for x := 0; x < 32; x++ {
				u := x - dx
				sc.Pix[y*32+x] = float32(0.3 + 0.4*float64((u/3+y/4)%2) + 0.1*float64(u%5)/5)
			}
		}
		obs[i].Scene = sc
	}
}

func TestASlouchAfterTheCameraMovedIsStillAlertedAfterTheRecalibrateNote(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	var obs []monitor.Observation // 100 s upright, then a 60 s lean with the camera moved
	for i := 0; i < 320; i++ {
		lean := 0.0
		if i >= 200 {
			lean = 0.3
		}
		obs = append(obs, seated(time.Duration(i)*time.Second/2, lean))
	}
	inRoom(obs[:200], 0, 0)
	inRoom(obs, 200, 6)
	e.open = func(vision.Config) (Source, error) { return &fakeCamera{obs: obs}, nil }
	runEngine(t, e)

	recalibrate := false
	deadline := time.After(30 * time.Second)
	for {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView:
				answerAsUser(e, v)
			case AlertEvent:
				switch v.Mode {
				case ModeNeedsCalibration:
					recalibrate = true
				case ModeSlouching:
					if !recalibrate {
						t.Error("the slouch alert came before the note that the camera moved")
					}
					return
				}
			}
		case <-deadline:
			t.Fatalf("no slouch alert after the camera moved (recalibrate note: %v)", recalibrate)
		}
	}
}

// failedFirstCalibration runs an engine with no calibration whose user
// leaves the chair during the capture, and returns once the failure is on
// the calibration screen.
func failedFirstCalibration(t *testing.T) *Engine {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	obs := script(12, 0) // seated to Start, count down and begin the capture
	for i := 12; i < 400; i++ {
		o := seated(time.Duration(i)*time.Second/2, 0)
		o.Faces = nil // then gone, for the whole capture and after
		obs = append(obs, o)
	}
	e.open = func(vision.Config) (Source, error) { return &fakeCamera{obs: obs}, nil }
	runEngine(t, e)
	deadline := time.After(20 * time.Second)
	for {
		select {
		case ev := <-e.Events():
			if v, ok := ev.(CalibrationView); ok {
				if v.Phase == Failed {
					if !strings.Contains(v.Result, "face") {
						t.Errorf("the failure says %q, want why (no face)", v.Result)
					}
					return e
				}
				answerAsUser(e, v)
			}
		case <-deadline:
			t.Fatal("the calibration never failed")
		}
	}
}

// noCalibrationFor fails the test if a calibration starts within d.
func noCalibrationFor(t *testing.T, e *Engine, d time.Duration, when string) {
	t.Helper()
	quiet := time.After(d)
	for {
		select {
		case ev := <-e.Events():
			switch ev.(type) {
			case CalibrationView, ShowCalibration:
				t.Fatalf("a new calibration (%T) started %s", ev, when)
			}
		case <-quiet:
			return
		}
	}
}

// TestAFailedFirstCalibrationStaysOnScreenUntilTryAgain: the screen keeps
// the failure and its reason (no new calibration replaces it) until the user
// presses Try again, which starts one.
func TestAFailedFirstCalibrationStaysOnScreenUntilTryAgain(t *testing.T) {
	e := failedFirstCalibration(t)
	noCalibrationFor(t, e, 500*time.Millisecond, "before Try again") // a few hundred frames of the fake camera
	e.StartCalibration()                                             // Try again
	awaitNewCalibration(t, e, time.After(20*time.Second), "Try again started no calibration")
}

// TestCancelAfterAFailedCalibrationWaitsForTheUser: closing the failed
// calibration's screen is a Cancel: no calibration pops up again until the
// user asks for one, and the status says so.
func TestCancelAfterAFailedCalibrationWaitsForTheUser(t *testing.T) {
	e := failedFirstCalibration(t)
	e.CancelCalibration()
	deadline := time.After(20 * time.Second)
	for said := false; !said; {
		select {
		case ev := <-e.Events():
			switch v := ev.(type) {
			case CalibrationView, ShowCalibration:
				t.Fatalf("a new calibration (%T) started after Cancel", ev)
			case Status:
				said = strings.Contains(v.Note, "Calibration cancelled")
			}
		case <-deadline:
			t.Fatal("Cancel was not acknowledged within 20 s")
		}
	}
	noCalibrationFor(t, e, 500*time.Millisecond, "after Cancel")
}

// brokenCamera gives its script, then fails every read with err, counting
// the reads.
type brokenCamera struct {
	fakeCamera
	err   error
	reads atomic.Int32
}

func (c *brokenCamera) Observe(ctx context.Context) (monitor.Observation, error) {
	if !c.finished() {
		return c.fakeCamera.Observe(ctx)
	}
	c.reads.Add(1)
	time.Sleep(time.Millisecond)
	return monitor.Observation{}, c.err
}

// TestACameraThatFailsIsSaidAndNotReadInALoop: a camera that fails for good
// while watching (not the end of a recording, not a request of the user's)
// is said in the status, and the engine waits for the user instead of
// opening the watch on it again and again.
func TestACameraThatFailsIsSaidAndNotReadInALoop(t *testing.T) {
	e := calibratedEngine(t)
	cam := &brokenCamera{fakeCamera: fakeCamera{obs: script(10, 0)}, err: errors.New("read camera 0: no such device")}
	e.open = func(vision.Config) (Source, error) { return cam, nil }
	runEngine(t, e)

	deadline := time.After(20 * time.Second)
	for said := false; !said; {
		select {
		case ev := <-e.Events():
			if st, ok := ev.(Status); ok && strings.Contains(st.Note, "no such device") {
				said = true
			}
		case <-deadline:
			t.Fatalf("the failure was never said (%d failed reads)", cam.reads.Load())
		}
	}
	before := cam.reads.Load()
	time.Sleep(300 * time.Millisecond)
	if n := cam.reads.Load() - before; n > 0 {
		t.Errorf("the failed camera was read %d more times in 300 ms after the failure was said", n)
	}
}

// TestAnotherCameraChosenDuringTheFirstCalibrationIsOpened: the user sees
// the wrong camera on the calibration screen and picks another in the
// settings; the calibration goes on with the one chosen.
func TestAnotherCameraChosenDuringTheFirstCalibrationIsOpened(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	e := testEngine(t)
	opened := make(chan int, 8)
	e.open = func(cfg vision.Config) (Source, error) {
		opened <- cfg.Camera
		return &fakeCamera{obs: script(400, 0)}, nil
	}
	runEngine(t, e)
	if c := <-opened; c != 0 {
		t.Fatalf("opened camera %d first, want 0", c)
	}
	deadline := time.After(20 * time.Second)
	for started := false; !started; { // the calibration screen is up
		select {
		case ev := <-e.Events():
			_, started = ev.(CalibrationView)
		case <-deadline:
			t.Fatal("the calibration never started")
		}
	}
	p := DefaultPrefs()
	p.Camera = 1
	e.ApplySettings(p)
	for {
		select {
		case c := <-opened:
			if c == 1 {
				return
			}
			t.Errorf("opened camera %d after camera 1 was chosen", c)
		case <-e.Events():
		case <-deadline:
			t.Fatal("camera 1 was never opened while calibrating")
		}
	}
}

// TestASettingChangedDuringARecalibrationKeepsTheCalibrationGoing: a
// request that ends a calibration run without cancelling it (here a new
// sensitivity) starts the calibration again; the old calibration is not
// taken back silently behind a calibration screen that stopped moving.
func TestASettingChangedDuringARecalibrationKeepsTheCalibrationGoing(t *testing.T) {
	e := calibratedEngine(t)
	e.open = func(vision.Config) (Source, error) { return &fakeCamera{obs: script(4000, 0)}, nil }
	runEngine(t, e)
	e.StartCalibration()
	deadline := time.After(20 * time.Second)
	for offered := false; !offered; { // Start, then the slouch sample's offer, left unanswered
		select {
		case ev := <-e.Events():
			if v, ok := ev.(CalibrationView); ok {
				if v.CanStart {
					e.BeginCalibration()
				}
				offered = v.Phase == SlouchOffer
			}
		case <-deadline:
			t.Fatal("the recalibration never reached the slouch sample's offer")
		}
	}
	p := DefaultPrefs()
	p.Sensitivity = monitor.High
	e.ApplySettings(p)
	awaitNewCalibration(t, e, deadline, "the calibration did not start again after the new setting: the recalibration was dropped")
}

// calibratedEngine is a test engine with a saved calibration (the user's
// profile), so that it watches without calibrating first.
func calibratedEngine(t *testing.T) *Engine {
	t.Helper()
	b, err := monitor.Calibrate(script(12, 0))
	if err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(t.TempDir(), "profile.json")
	if err := monitor.SaveProfile(profile, monitor.Profile{Baseline: b}); err != nil {
		t.Fatal(err)
	}
	e := testEngine(t)
	e.flags.Profile = profile
	return e
}

// awaitNewCalibration waits for a calibration to start (its first phase,
// Preparing), failing with why if deadline comes first.
func awaitNewCalibration(t *testing.T, e *Engine, deadline <-chan time.Time, why string) {
	t.Helper()
	for {
		select {
		case ev := <-e.Events():
			if v, ok := ev.(CalibrationView); ok && v.Phase == Preparing {
				return
			}
		case <-deadline:
			t.Fatal(why)
		}
	}
}

// fakeRecording is a fakeCamera that ends, as a file does, with io.EOF.
type fakeRecording struct{ fakeCamera }

func (r *fakeRecording) Observe(ctx context.Context) (monitor.Observation, error) {
	if r.finished() {
		return monitor.Observation{}, io.EOF
	}
	return r.fakeCamera.Observe(ctx)
}

func (r *fakeRecording) Info() vision.SourceInfo { return vision.SourceInfo{Name: "fake recording"} }

// TestARecordingThatEndsAfterASettingIsNotPlayedAgain: a setting changed
// while a recording is watched restarts the watch on it; when the recording
// then ends, the app says so and waits, rather than taking the settings
// change, already carried out, for a new request and opening the recording
// again.
func TestARecordingThatEndsAfterASettingIsNotPlayedAgain(t *testing.T) {
	e := calibratedEngine(t)
	var opened atomic.Int32
	e.open = func(vision.Config) (Source, error) {
		opened.Add(1)
		return &fakeRecording{fakeCamera{obs: script(3000, 0)}}, nil
	}
	runEngine(t, e)
	deadline := time.After(30 * time.Second)
	for changed, ended := false, false; !ended; {
		select {
		case ev := <-e.Events():
			st, ok := ev.(Status)
			if ok && st.Mode == ModeUpright && !changed {
				e.mu.Lock()
				p := e.prefs
				e.mu.Unlock()
				p.Sensitivity = monitor.High
				e.ApplySettings(p)
				changed = true
			}
			ended = ok && strings.Contains(st.Note, "recording ended")
			if ended && !changed {
				t.Fatal("the recording ended before the setting was changed")
			}
		case <-deadline:
			t.Fatal("the recording never ended")
		}
	}
	time.Sleep(500 * time.Millisecond)
	if n := opened.Load(); n != 1 {
		t.Errorf("the recording was opened %d times, want once", n)
	}
}

// TestCalibrateWhilePausedEndsThePause: Calibrate… chosen during a pause
// opens the camera and calibrates at once; it waited for the pause's end
// (an hour, or tomorrow) behind a screen that said "Getting ready".
func TestCalibrateWhilePausedEndsThePause(t *testing.T) {
	e := calibratedEngine(t)
	e.open = func(vision.Config) (Source, error) { return &fakeCamera{obs: script(3000, 0)}, nil }
	runEngine(t, e)
	deadline := time.After(20 * time.Second)
	for paused := false; !paused; {
		select {
		case ev := <-e.Events():
			if st, ok := ev.(Status); ok && st.Mode == ModeUpright {
				e.PauseFor(time.Hour)
			}
			st, ok := ev.(Status)
			paused = ok && st.Mode == ModePaused
		case <-deadline:
			t.Fatal("never watched, then paused")
		}
	}
	e.StartCalibration()
	awaitNewCalibration(t, e, time.After(20*time.Second), "Calibrate… during a pause started no calibration")
	if e.pause.Paused() {
		t.Error("still paused while calibrating")
	}
}
