package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision"
)

// Engine is the app's worker: it runs the vision pipeline and the monitor,
// records the history and hands the GUI what to show (Events). Its methods
// are what the user can ask (gui.Intents); they arrive on the GUI's
// goroutine and only set requests, which Run carries out.
type Engine struct {
	// Now is the engine's clock: time.Now, unless a test sets another
	// before Run. Snoozes, pauses, today's figures and the history's
	// bookings all follow it.
	Now func() time.Time

	open func(vision.Config) (Source, error)
	// makeDemo makes the demo clip under a folder and says where it is.
	makeDemo func(dir string) (string, error)
	quit     func()
	flags    Config
	store    *history.Store
	rec      *history.Recorder
	cache    string
	stderr   io.Writer
	events   chan Event
	stop     <-chan struct{} // closed when the app stops
	pause    monitor.Pause
	// breaks keeps the stand-up reminders' sitting clock for the app's
	// whole life (a new setting or a recalibration does not restart it),
	// on the wall clock from breaksFrom. The worker goroutine alone uses it.
	breaks     *monitor.Breaks
	breaksFrom time.Time
	// autostartMu keeps writes of the autostart entry one at a time;
	// autostartWrites counts those under way, which Run waits for before it
	// returns, so a Quit just after a change of Start at login keeps it.
	autostartMu     sync.Mutex
	autostartWrites sync.WaitGroup

	mu        sync.Mutex
	prefs     Prefs
	restart   context.CancelFunc // cancels the current watch
	wantCalib bool
	wantDemo  bool
	// handOver is set when this build cannot read the source asked for
	// (the camera-only build): Run ended so that the whole build takes over.
	handOver *handOver
	slouch   slouchChoice // the answer to the calibration's slouch sample offer
	ready    bool         // the user pressed Start on the calibration screen
	// awaitingDone holds alerts back while the calibration's result is on
	// the screen, until the user presses Done.
	awaitingDone bool
	// calibCancelled is set when the user cancelled the calibration screen,
	// by their request numbered cancelAsk.
	calibCancelled bool
	cancelAsk      uint64
	// asked numbers the user's requests: a wait is for a request after a
	// given one, so the request that ended a run does not also end the
	// wait that follows it.
	asked uint64
	// trouble is the latest failure the user must hear of (a history write),
	// shown in the status window until the app ends.
	trouble string
	locked  bool          // the screen is locked or the machine is going to sleep
	snoozed time.Time     // alerts are held back until then
	shown   Status        // the latest status sent, as the worker made it
	wake    chan struct{} // signalled after each request
	// today is today's upright share from the history, read at todayAt.
	today   *float64
	todayAt time.Time
}

// Source is an open camera or recording: vision.Pipeline in the app, a
// recorded sequence in tests. It may also be a monitor.Focuser and
// monitor.RateSetter, and offer its last frame for the calibration's preview.
type Source interface {
	monitor.Observer
	Info() vision.SourceInfo
}

// openPipeline opens the real vision pipeline.
func openPipeline(cfg vision.Config) (Source, error) {
	p, err := vision.Open(cfg)
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Config is what the command line chose for the app.
type Config struct {
	// Source is the recording or camera to watch; Camera -1 means the one
	// the settings name.
	Input        string
	Camera       int
	Detector     string
	SegmentEvery int
	DebugFrames  string
	// Profile, when set, is the calibration to use for every source.
	Profile string
	// Onset, when set, overrides the settings' onset; Demo starts the demo.
	Onset time.Duration
	Demo  bool
}

// New makes the engine over an open history. quit ends the app (the GUI's
// event loop); stop is closed when the app stops; cache is where the demo
// clip is kept.
func New(f Config, p Prefs, store *history.Store, rec *history.Recorder, cache string, quit func(), stop <-chan struct{}, stderr io.Writer) *Engine {
	if f.Onset > 0 {
		p.Onset = f.Onset
	}
	e := &Engine{Now: time.Now, open: openPipeline, makeDemo: demoClip, quit: quit, flags: f, prefs: p, store: store, rec: rec, cache: cache, stop: stop, stderr: stderr,
		events: make(chan Event, 16), wake: make(chan struct{}, 1), wantDemo: f.Demo}
	e.pause.Now = e.now
	return e
}

// now reads the engine's clock.
func (e *Engine) now() time.Time { return e.Now() }

// Events are what the GUI is to show, in order.
func (e *Engine) Events() <-chan Event { return e.events }

// send hands the GUI an event, dropping a status or preview if it is behind
// (never an alert or a calibration's outcome).
// A status gets today's upright share from the history.
func (e *Engine) send(ev Event) {
	switch v := ev.(type) {
	case AlertEvent, ShowCalibration:
		e.deliver(ev)
		return
	case CalibrationView:
		if v.Phase == Calibrated || v.Phase == Failed {
			e.deliver(ev) // the outcome is never dropped
			return
		}
	case Status:
		e.mu.Lock()
		e.shown = v
		if e.today != nil {
			v.UprightPct, v.HasToday = *e.today, true
		}
		if v.Note == "" {
			v.Note = e.trouble
		}
		if e.now().Before(e.snoozed) {
			v.SnoozedUntil = e.snoozed
		}
		e.mu.Unlock()
		ev = v
	}
	select {
	case e.events <- ev:
	default:
	}
}

// deliver hands the GUI an event that must not be dropped, unless the app
// is stopping (the GUI then no longer listens).
func (e *Engine) deliver(ev Event) {
	select {
	case e.events <- ev:
	case <-e.stop:
	}
}

// The intents, from the GUI.

// PauseFor releases the camera for d: the watch stops until the pause ends.
func (e *Engine) PauseFor(d time.Duration) {
	e.request(func() { e.pause.For(d) })
	e.note(history.EventPause, d.String())
}

// PauseUntilTomorrow releases the camera until the next local midnight.
func (e *Engine) PauseUntilTomorrow() {
	e.request(func() { e.pause.UntilTomorrow() })
	e.note(history.EventPause, "until tomorrow")
}

// Resume ends a pause: the camera opens and watching goes on.
func (e *Engine) Resume() { e.request(func() { e.pause.Resume() }); e.note(history.EventResume, "") }

// SnoozeFor holds back alerts for d while watching goes on.
func (e *Engine) SnoozeFor(d time.Duration) {
	e.mu.Lock()
	e.snoozed = e.now().Add(d)
	e.mu.Unlock()
	e.note(history.EventSnooze, d.String())
	e.sendAgain()
}

// EndSnooze lets alerts through again at once.
func (e *Engine) EndSnooze() {
	e.mu.Lock()
	e.snoozed = time.Time{}
	e.mu.Unlock()
	e.note(history.EventResume, "snooze ended")
	e.sendAgain()
}

// sendAgain sends the latest status again, with the snooze as it is now:
// while paused or calibrating no status comes by itself, and the tray's
// menu and the status window would show the snooze as it was.
func (e *Engine) sendAgain() {
	e.mu.Lock()
	st := e.shown
	e.mu.Unlock()
	e.send(st)
}

// quiet says whether alerts are held back now: snoozed, or the
// calibration's result still waiting for Done.
func (e *Engine) quiet() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.awaitingDone || e.now().Before(e.snoozed)
}

// SetLocked pauses watching while the screen is locked or the machine sleeps.
func (e *Engine) SetLocked(locked bool) { e.request(func() { e.locked = locked }) }

// StartCalibration stops watching and opens the calibration screen (also
// the screen's Try again). A pause ends: the screen needs the camera, and a
// user who asks to calibrate is back.
func (e *Engine) StartCalibration() {
	paused := e.pause.Paused()
	e.request(func() {
		e.wantCalib = true
		e.pause.Resume()
	})
	if paused {
		e.note(history.EventResume, "to calibrate")
	}
}

// CancelCalibration closes the calibration screen: watching goes on with
// the calibration there was, or waits for one. A result on the screen that
// was never read (Done) holds alerts back no longer.
func (e *Engine) CancelCalibration() {
	e.request(func() {
		e.wantCalib, e.calibCancelled, e.cancelAsk = false, true, e.asked
		e.awaitingDone = false
	})
}

// BeginCalibration is the user's Start: the countdown may begin.
func (e *Engine) BeginCalibration() {
	e.mu.Lock()
	e.ready = true
	e.mu.Unlock()
}

// CalibrationDone lets alerts through once the user has read the result.
func (e *Engine) CalibrationDone() {
	e.mu.Lock()
	e.awaitingDone = false
	e.mu.Unlock()
}

// readyToCalibrate says whether the user pressed Start.
func (e *Engine) readyToCalibrate() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ready
}

// SampleSlouch answers the calibration screen's offer of a slouch sample.
func (e *Engine) SampleSlouch(record bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.slouch = slouchSkip
	if record {
		e.slouch = slouchRecord
	}
}

// slouchChoice is the user's latest answer to the slouch sample's offer.
func (e *Engine) slouchChoice() slouchChoice {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.slouch
}

// StartDemo watches the demo clip instead of the camera.
func (e *Engine) StartDemo() { e.request(func() { e.wantDemo = true }) }

// Quit ends the app.
func (e *Engine) Quit() { e.quit() }

// ApplySettings takes new settings and restarts the watch with them.
// The autostart file is written on a goroutine of its own: this is called
// from the GUI, which must not wait for a disk.
func (e *Engine) ApplySettings(p Prefs) {
	p = p.Sane()
	if e.flags.Onset > 0 {
		p.Onset = e.flags.Onset // --onset holds for the whole run, as New took it
	}
	e.request(func() { e.prefs = p })
	e.autostartWrites.Add(1)
	go func() {
		defer e.autostartWrites.Done()
		e.setAutostart()
	}()
}

// setAutostart writes or removes the autostart entry as the user's latest
// settings have it, saying when it cannot. One runs at a time, so the entry
// left after quick changes is the last one's.
func (e *Engine) setAutostart() {
	e.autostartMu.Lock()
	defer e.autostartMu.Unlock()
	e.mu.Lock()
	on := e.prefs.StartAtLogin
	e.mu.Unlock()
	path, err := AutostartPath()
	if err != nil {
		e.complain("Start at login is not set", err)
		return
	}
	exe, err := os.Executable()
	if err == nil {
		err = SetAutostart(path, Launcher(exe), on)
	}
	e.complain("Start at login is not set", err)
}

// DeleteHistory erases the whole history, what the recorder holds included;
// recording goes on from now.
func (e *Engine) DeleteHistory() error {
	ctx := context.Background()
	if err := e.rec.Erase(ctx); err != nil {
		return fmt.Errorf("the history could not be deleted: %v", err)
	}
	e.mu.Lock()
	e.today, e.todayAt = nil, time.Time{}
	e.mu.Unlock()
	e.send(HistoryChanged{})
	return nil
}

// todayEvery is how often the status's "today" figure is read from the history.
const todayEvery = 20 * time.Second

// readToday writes out what the recorder holds and reads today's upright
// share from the history, at most every todayEvery unless forced; an open
// report of today is then read again too. It runs on the worker goroutine.
func (e *Engine) readToday(force bool) {
	now := e.now()
	e.mu.Lock()
	due := force || now.Sub(e.todayAt) >= todayEvery
	if due {
		e.todayAt = now
	}
	e.mu.Unlock()
	if !due {
		return
	}
	ctx := context.Background()
	if err := e.rec.Flush(ctx); err != nil {
		fmt.Fprintln(e.stderr, "hunch:", err)
	}
	d, err := e.store.Day(ctx, now)
	if err != nil {
		// The status goes without today's figure. A history that cannot be
		// read cannot be written either, and that failure is said (keep),
		// once: saying both would be two lines for one broken disk.
		return
	}
	e.mu.Lock()
	e.today = d.UprightPct
	e.mu.Unlock()
	e.send(HistoryChanged{})
}

func (e *Engine) note(kind, detail string) {
	e.keep(e.rec.AddEvent(history.Event{At: e.now(), Kind: kind, Detail: detail}))
}

// keep reports a failed history write (see complain).
func (e *Engine) keep(err error) { e.complain("The history could not be saved", err) }

// complain tells the user of a failure they must hear of: one line on
// stderr when it is new, and a note in the status window for as long as the
// app runs.
func (e *Engine) complain(what string, err error) {
	if err != nil {
		e.say(what + ": " + err.Error())
	}
}

// Warn tells the user, as complain does, of a failure outside the engine
// that changes what Hunch can do (the screen lock not watched, desktop
// notifications off). err says it whole; nil says nothing.
func (e *Engine) Warn(err error) {
	if err != nil {
		e.say(err.Error())
	}
}

// say is complain's one line and note.
func (e *Engine) say(msg string) {
	e.mu.Lock()
	fresh := e.trouble != msg
	e.trouble = msg
	e.mu.Unlock()
	if fresh {
		fmt.Fprintln(e.stderr, "hunch:", msg)
	}
}

// request changes what the worker should do, numbers the request and
// interrupts the current watch.
func (e *Engine) request(change func()) {
	e.mu.Lock()
	e.asked++
	change()
	if e.restart != nil {
		e.restart()
	}
	e.mu.Unlock()
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// demoOnset is the onset while the demo plays: its slouches last 20 s, so a
// 6 s onset shows an alert well within each.
const demoOnset = 6 * time.Second

// takeCancelled reports, once, that the user cancelled the calibration,
// and the number of the request that did.
func (e *Engine) takeCancelled() (bool, uint64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.calibCancelled
	e.calibCancelled = false
	return c, e.cancelAsk
}

// Run is the worker goroutine: open the source, calibrate when needed,
// watch; again after each request, until ctx is cancelled.
func (e *Engine) Run(ctx context.Context) {
	defer e.autostartWrites.Wait()
	var base *monitor.Baseline
	if e.flags.Profile != "" {
		p, err := monitor.LoadProfile(e.flags.Profile)
		if err != nil {
			e.send(Status{Mode: ModeNeedsCalibration, Note: err.Error()})
		} else {
			base = &p.Baseline
		}
	}
	e.readToday(true)
	for ctx.Err() == nil {
		if e.holdOff(ctx) {
			continue
		}
		e.mu.Lock()
		cfg, name, profile := e.source()
		demo, since := e.wantDemo, e.asked
		e.mu.Unlock()
		if demo {
			clip, err := e.makeDemo(e.cache)
			if e.handsOver(err, true) {
				return
			}
			if err != nil {
				e.send(Status{Mode: ModeNeedsCalibration, Note: "The demo cannot start: " + err.Error()})
				e.wait(ctx, since)
				continue
			}
			cfg.Input, cfg.Realtime, name, profile = clip, true, "the demo clip", ""
		}
		p, err := e.open(cfg)
		if e.handsOver(err, demo) {
			return
		}
		if err != nil {
			e.send(Status{Mode: ModeNeedsCalibration, Source: name, OfferDemo: cfg.Input == "",
				Note: "No camera: " + err.Error() + ". Watch the demo to see Hunch at work."})
			e.wait(ctx, since)
			continue
		}
		b := base
		if demo { // the demo's person is not the user: calibrate on them
			b = nil
		}
		if b == nil && profile != "" {
			if pr, err := monitor.LoadProfile(profile); err == nil {
				b = &pr.Baseline
			}
		}
		b = e.session(ctx, p, name, profile, b, demo)
		if b != nil && e.flags.Profile == "" && !demo {
			base = b
		}
		if err := p.Close(); err != nil {
			fmt.Fprintf(e.stderr, "hunch: closing %s: %v\n", name, err)
		}
	}
}

// holdOff keeps the camera closed while the user paused Hunch or the screen
// is locked, until that ends or a request comes; it reports whether it held.
func (e *Engine) holdOff(ctx context.Context) bool {
	e.mu.Lock()
	locked, since := e.locked, e.asked
	e.mu.Unlock()
	until, paused := e.pause.Until()
	if !locked && !paused {
		return false
	}
	note := "Screen locked: the camera is off until you are back."
	if !locked {
		note = e.pause.Describe()
	}
	e.send(Status{Mode: ModePaused, Note: note})
	if locked {
		e.wait(ctx, since)
		return true
	}
	t := time.NewTimer(until.Sub(e.now()))
	defer t.Stop()
	if e.waitOrExpire(ctx, since, t.C) {
		e.pause.Resume()
		e.note(history.EventResume, "pause ended")
	}
	return true
}

// source is the configured vision source, its name and its profile path.
// A camera is kept going all day: busy or unplugged, it is waited for.
func (e *Engine) source() (vision.Config, string, string) {
	cfg := vision.DefaultConfig()
	cfg.FPS = e.prefs.FPS
	cfg.Detector = e.flags.Detector
	cfg.SegmentEvery = e.flags.SegmentEvery
	cfg.DebugFrames = e.flags.DebugFrames
	if e.flags.Input != "" {
		cfg.Input, cfg.Realtime = e.flags.Input, true
		return cfg, "the recording " + filepath.Base(e.flags.Input), ""
	}
	cfg.Camera = e.prefs.Camera
	if e.flags.Camera >= 0 {
		cfg.Camera = e.flags.Camera
	}
	name := fmt.Sprintf("camera %d", cfg.Camera)
	cfg.Reconnect = true
	cfg.OnCameraStatus = func(st vision.CameraStatus) { e.cameraStatus(name, st) }
	profile, err := monitor.CameraProfilePath(cfg.Camera)
	if err != nil {
		return cfg, name, ""
	}
	return cfg, name, profile
}

// cameraStatus tells the user, once, what became of the camera: in use by
// another program or unplugged (Hunch waits and retries), frozen or resized.
func (e *Engine) cameraStatus(name string, st vision.CameraStatus) {
	switch st.State {
	case vision.CameraBusy, vision.CameraLost:
		e.send(Status{Mode: ModePaused, Source: name, Note: st.Message})
	case vision.CameraFrozen, vision.CameraResized:
		fmt.Fprintln(e.stderr, "hunch:", st.Message)
	}
}

// lastAsk is the number of the user's latest request.
func (e *Engine) lastAsk() uint64 {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.asked
}

// wait blocks until the user makes a request after the one numbered since,
// or ctx ends.
func (e *Engine) wait(ctx context.Context, since uint64) {
	e.waitOrExpire(ctx, since, nil)
}

// waitOrExpire is wait that also ends when expire fires; it reports whether
// that is what ended it.
func (e *Engine) waitOrExpire(ctx context.Context, since uint64, expire <-chan time.Time) bool {
	for e.lastAsk() <= since {
		select {
		case <-ctx.Done():
			return false
		case <-e.wake:
		case <-expire:
			return true
		}
	}
	return false
}
