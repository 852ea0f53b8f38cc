//go:build !front

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

func init() {
	runners["calibrate"] = runCalibrate
}

// calibrateFlags are calibrate's options.
type calibrateFlags struct {
	src     sourceFlags
	seconds float64
	slouch  float64
	out     string
}

// flagSet is calibrate's flag set, filling f.
func (f *calibrateFlags) flagSet() *commandFlags {
	fs := newCommandFlags("calibrate", "calibrate --camera N|--input PATH [--seconds S] [--slouch-seconds S] --out FILE",
		"hunch calibrate --camera 0 --out ~/.config/hunch/profile.json    (sit upright for 5 s)")
	f.src.register(fs.FlagSet)
	fs.Float64Var(&f.seconds, "seconds", 5, "how many `seconds` to watch you sitting upright")
	fs.Float64Var(&f.slouch, "slouch-seconds", 0, "then watch you sit the way you do when tired for this many `seconds` (0: skip)")
	fs.StringVar(&f.out, "out", "", "where to save the profile (`file`)")
	return fs
}

// parseCalibrateFlags reads calibrate's command line; help is true when
// --help was asked for and printed.
func parseCalibrateFlags(args []string, stdout, stderr io.Writer) (f calibrateFlags, help bool, err error) {
	help, err = f.flagSet().parse(args, stdout, stderr)
	return f, help, err
}

// check checks the flags and gives the vision pipeline's config.
func (f *calibrateFlags) check() (vision.Config, error) {
	if f.out == "" {
		return vision.Config{}, errors.New("say where to save the profile: --out FILE (for example --out ~/.config/hunch/profile.json)")
	}
	if st, err := os.Stat(f.out); err == nil && st.IsDir() {
		// Said before the user sits still for nothing.
		return vision.Config{}, fmt.Errorf("--out %s is a folder; name the profile's file, for example --out %s", f.out, filepath.Join(f.out, "profile.json"))
	}
	if !(f.seconds >= 1 && f.seconds <= 120) { // NaN too
		return vision.Config{}, fmt.Errorf("--seconds %g: use 1 to 120 seconds", f.seconds)
	}
	if !(f.slouch == 0 || (f.slouch >= 2 && f.slouch <= 60)) {
		return vision.Config{}, fmt.Errorf("--slouch-seconds %g: use 2 to 60 seconds, or 0 to skip the slouch sample", f.slouch)
	}
	return f.src.config()
}

func runCalibrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, help, err := parseCalibrateFlags(args, stdout, stderr)
	if help || err != nil {
		return err
	}
	cfg, err := f.check()
	if err != nil {
		return err
	}
	p, err := vision.Open(cfg)
	if err != nil {
		return err
	}
	defer p.Close()
	fmt.Fprintf(stderr, "Sit upright: back straight, shoulders back and down, screen at eye level. Watching %s for %g s…\n", f.src.name(), f.seconds)
	b, _, err := monitor.CalibrateFrom(ctx, p, seconds(f.seconds), func(monitor.Observation) {})
	if err != nil {
		return fmt.Errorf("%s: %w", f.src.name(), err)
	}
	if f.slouch > 0 {
		fmt.Fprintf(stderr, "Now sit the way you do when you're tired, for %g s…\n", f.slouch)
		s, _, err := monitor.SampleSlouchFrom(ctx, p, b, seconds(f.slouch), func(monitor.Observation) {})
		if err != nil {
			return fmt.Errorf("%s: %w", f.src.name(), err)
		}
		b.SlouchSample = &s
	}
	if err := monitor.SaveProfile(f.out, monitor.Profile{Created: time.Now().UTC(), Source: f.src.name(), Baseline: b}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Calibrated: face %.0f px tall at (%.0f, %.0f) in a %dx%d picture; saved to %s\n",
		b.FaceHeight, b.Center.X, b.Center.Y, b.Width, b.Height, f.out)
	if b.SlouchSample != nil {
		fmt.Fprintln(stdout, "Your slouch sample is saved too: Hunch will also watch for that posture.")
	} else {
		fmt.Fprintln(stdout, noSlouchSampleHint)
	}
	if b.Restless {
		fmt.Fprintln(stdout, "You moved quite a bit while calibrating; if Hunch nags you when you sit well, calibrate again and keep still.")
	}
	return nil
}

// noSlouchSampleHint says what a calibration without a slouch sample cannot
// tell apart, and how to add one (README, "Limits of the judgement").
const noSlouchSampleHint = "Without a slouch sample, sitting upright farther back can be taken for sinking in the chair: " +
	"calibrate again with --slouch-seconds 5 to show Hunch your own slouch."

// seconds is a count of seconds as a duration.
func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
