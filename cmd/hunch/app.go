//go:build !front

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hunch-posture/hunch/app"
	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/gui"
	"github.com/hunch-posture/hunch/monitor/history"
)

func init() {
	runners["app"] = runApp
}

// appFlags are the desktop app's options.
type appFlags struct {
	src     sourceFlags
	profile string
	dataDir string
	onset   time.Duration
	demo    bool
}

// openEnv names windows to open at start, comma-separated ("report",
// "settings", "calibration", "status"): for screenshots and the end-to-end test.
const openEnv = "HUNCH_OPEN"

func (f *appFlags) flagSet() *commandFlags {
	fs := newCommandFlags("app", "app [--camera N | --input FILE | --demo] [--profile FILE] [--data-dir DIR] [--onset D]   ('app' may be left out)",
		"hunch app --demo    (or just: hunch, to watch the first camera)")
	f.src.register(fs.FlagSet)
	fs.StringVar(&f.profile, "profile", "", "use this saved calibration `file` (default: the camera's own profile)")
	fs.StringVar(&f.dataDir, "data-dir", "", "keep the history in this `directory` (default: the user data directory)")
	fs.DurationVar(&f.onset, "onset", 0, "how long a slouch lasts before it alerts (default: the setting, 20s)")
	fs.BoolVar(&f.demo, "demo", false, "replay a generated clip of someone who slouches, instead of the camera")
	return fs
}

// parseAppFlags reads the app's command line; help is true when --help was
// asked for and printed.
func parseAppFlags(args []string, stdout, stderr io.Writer) (f appFlags, help bool, err error) {
	fs := f.flagSet()
	if help, err = fs.parse(args, stdout, stderr); help || err != nil {
		return f, help, err
	}
	return f, false, f.check()
}

// check refuses values out of range and flags that cannot go together.
func (f *appFlags) check() error {
	if err := f.src.check(); err != nil {
		return err
	}
	if f.onset < 0 {
		return fmt.Errorf("--onset %v: use a positive duration such as 20s", f.onset)
	}
	return nil
}

// engineConfig is what the flags choose for the app's engine.
func (f appFlags) engineConfig() app.Config {
	return app.Config{Input: f.src.input, Camera: f.src.camera, Detector: f.src.detector, SegmentEvery: f.src.segmentEvery,
		DebugFrames: f.src.debugFrames, Profile: f.profile, Onset: f.onset, Demo: f.demo}
}

// runApp starts the desktop app: the tray (or status window), the watching
// goroutine and the history, until Quit or a signal cancels ctx.
func runApp(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, help, err := parseAppFlags(args, stdout, stderr)
	if help || err != nil {
		return err
	}

	if err := gui.CheckDisplay(); err != nil {
		return err
	}
	a := gui.NewApp()
	prefs := gui.LoadPrefs(a.Preferences())
	store, fallback, err := openAppHistory(ctx, f.dataDir, prefs.DataDir)
	if err != nil {
		return err
	}
	rec := history.NewRecorder(store)

	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	cache = filepath.Join(cache, "hunch")
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var u *gui.UI // the engine's Quit runs only once the app runs, after u is made
	e := app.New(f.engineConfig(), prefs, store, rec, cache, func() { u.Quit() }, ctx.Done(), stderr)
	e.Warn(fallback)
	u = gui.New(a, e, store, desktopNotifier(ctx, cache, e))
	log.SetOutput(gui.TrayLog(stderr))
	useTray(ctx, u)
	u.Open(strings.Split(os.Getenv(openEnv), ","))
	u.Listen(ctx, e.Events())

	done := make(chan struct{})
	go func() {
		defer close(done)
		e.Run(ctx)
	}()
	restWhileLocked(ctx, e)
	go func() {
		<-ctx.Done()
		u.Quit()
	}()
	if err := u.Run(); err != nil {
		fmt.Fprintln(stderr, "hunch:", err)
	}
	cancel()
	<-done
	err = rec.Close()
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("save the history: %w", err)
	}
	if over, demo := e.HandedOver(); over {
		return continueInWholeBuild(args, demo && !f.demo)
	}
	return nil
}

// continueInWholeBuild starts the app again in Hunch's whole build, with the
// same command line (and --demo when the user asked for the demo since), once
// this one has closed its window, its tray icon and the history: the
// camera-only build cannot read the demo clip, or this camera (app.Engine's
// HandedOver).
func continueInWholeBuild(args []string, addDemo bool) error {
	if addDemo {
		args = append(slices.Clone(args), "--demo")
	}
	return runInstead(watchBinary, append([]string{"app"}, args...))
}

// openAppHistory opens the history in the folder --data-dir names, else the
// one the settings name, else the default.
//
// A location from the settings that cannot be opened (a folder since
// removed, a disk not mounted) gives way to the default one, and fallback
// says so for the user: Hunch still starts, as it must at login. One given
// with --data-dir is the user's explicit choice: its failure is the error.
func openAppHistory(ctx context.Context, flagDir, prefsDir string) (s *history.Store, fallback, err error) {
	if flagDir != "" {
		s, err = history.Open(ctx, flagDir, history.Options{})
		return s, nil, err
	}
	if prefsDir != "" {
		if s, err = history.Open(ctx, prefsDir, history.Options{}); err == nil {
			return s, nil, nil
		}
		fallback = fmt.Errorf("the history location in the settings cannot be used (%v): recording in the default location; choose another in the settings", err)
	}
	dir, err := history.DefaultDataDir()
	if err != nil {
		return nil, fallback, err
	}
	s, err = history.Open(ctx, dir, history.Options{})
	return s, fallback, err
}

// desktopNotifier is the desktop's notifications, with buttons where the
// daemon shows them; nil (alerts open Hunch's own window) when there are
// none, which the engine tells the user.
func desktopNotifier(ctx context.Context, cache string, e *app.Engine) gui.Notifier {
	n, err := gui.NewDesktopNotifier(cache)
	if err != nil {
		e.Warn(fmt.Errorf("desktop notifications are off (%v): alerts open Hunch's own window", err))
		return nil
	}
	// A daemon that shows no buttons (or none at all) gets plain
	// notifications, and the app's own alert window when those fail.
	if acts, err := desktop.OpenNotifications(ctx); err == nil {
		n.Actions = acts
	}
	return n
}

// useTray puts Hunch in the system tray if there is one, and otherwise in
// its window until a tray starts (at login, after Hunch) and takes it in.
func useTray(ctx context.Context, u *gui.UI) {
	tray, err := desktop.TrayRunning()
	u.UseTray(tray, gui.NoTrayNote(err))
	if tray {
		return
	}
	if appears, err := desktop.TrayHostAppears(ctx); err == nil {
		u.MoveToTrayWhen(appears)
	} // else: no session bus, which the window's note already says
}

// restWhileLocked rests the camera while the screen is locked or the
// machine sleeps.
func restWhileLocked(ctx context.Context, e *app.Engine) {
	locks, err := desktop.Watch(ctx)
	if err != nil {
		e.Warn(err) // it says that watching goes on while the screen is locked
		return
	}
	go func() {
		for ev := range locks {
			e.SetLocked(ev.Paused)
			if ev.Reason == desktop.BusLost {
				e.Warn(errLockWatchLost)
			}
		}
	}()
}

// errLockWatchLost is said when a D-Bus connection watching the screen lock
// or suspend closes: from then on Hunch may watch through a locked screen.
var errLockWatchLost = errors.New("D-Bus went away: Hunch may keep watching while the screen is locked; restart Hunch to watch the lock again")
