//go:build !front

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

func init() {
	runners["analyze"] = runAnalyze
}

// analyzeFlags are analyze's options beyond the source.
type analyzeFlags struct {
	src         sourceFlags
	calibrate   float64
	profile     string
	sensitivity string
	onset       time.Duration
	json        bool
	record      bool
	start       string
	dataDir     string
	slouch      string
}

// flagSet is analyze's flag set, filling f.
func (f *analyzeFlags) flagSet() *commandFlags {
	fs := newCommandFlags("analyze", "analyze --input PATH|--camera N [--calibrate SECONDS | --profile FILE] [flags]",
		"hunch analyze --input clip.mp4 --json    (a recording; or --camera 0 --profile ~/.config/hunch/profile.json)")
	f.src.register(fs.FlagSet)
	fs.Float64Var(&f.calibrate, "calibrate", 5, "calibrate on the first `seconds` of the input (sit upright)")
	fs.StringVar(&f.profile, "profile", "", "use a saved calibration `file` instead of calibrating")
	fs.StringVar(&f.slouch, "slouch-sample", "", "take your own slouch from this stretch of the input, in seconds (`START-END`, e.g. 6-10)")
	fs.StringVar(&f.sensitivity, "sensitivity", "medium", "how strict: low, medium or high")
	fs.DurationVar(&f.onset, "onset", monitor.DefaultSettings().Onset, "how long a slouch lasts before it alerts")
	fs.BoolVar(&f.json, "json", false, "print one JSON object per analysed frame, then a summary")
	fs.BoolVar(&f.record, "record", false, "record the analysis into the posture history, as if watched live")
	fs.StringVar(&f.start, "start", "", "with --record: when the recording began (RFC 3339; default: now minus its length)")
	fs.StringVar(&f.dataDir, "data-dir", "", "the history `folder` (default: the user's data directory)")
	return fs
}

// parseAnalyzeFlags reads analyze's command line; help is true when --help
// was asked for and printed.
func parseAnalyzeFlags(args []string, stdout, stderr io.Writer) (f analyzeFlags, help bool, err error) {
	help, err = f.flagSet().parse(args, stdout, stderr)
	return f, help, err
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, help, err := parseAnalyzeFlags(args, stdout, stderr)
	if help || err != nil {
		return err
	}
	watch, cfg, err := f.watch()
	if err != nil {
		return err
	}
	p, err := vision.Open(cfg)
	if err != nil {
		return err
	}
	defer p.Close()
	out := newAnalysisWriter(stdout, f.json)
	emit := out.update
	var rec *recording
	if f.record {
		start, err := f.recordStart(p.Info().Duration)
		if err != nil {
			return err
		}
		if rec, err = openRecording(ctx, f.dataDir, start, p.Info().Duration); err != nil {
			return err
		}
		emit = func(u monitor.Update) { out.update(u); rec.update(u) }
	}
	sess, err := watch.Run(ctx, p, emit)
	if rec != nil {
		if cerr := rec.close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("%s: %w", f.src.name(), err)
	}
	var tally monitor.Tally
	if sess != nil {
		tally = sess.Tally()
	}
	return out.summary(tally, p.Timing())
}

// watch checks the flags and builds the run, with the saved profile.
func (f *analyzeFlags) watch() (monitor.Watch, vision.Config, error) {
	w, cfg, err := f.check()
	if err != nil || f.profile == "" {
		return w, cfg, err
	}
	prof, err := monitor.LoadProfile(f.profile)
	if err != nil {
		return w, cfg, err
	}
	w.Baseline = &prof.Baseline
	return w, cfg, nil
}

// check checks the flags and builds the run, reading no file.
func (f *analyzeFlags) check() (monitor.Watch, vision.Config, error) {
	cfg, err := f.src.config()
	if err != nil {
		return monitor.Watch{}, cfg, err
	}
	set := monitor.DefaultSettings()
	if set.Sensitivity, err = monitor.ParseSensitivity(f.sensitivity); err != nil {
		return monitor.Watch{}, cfg, err
	}
	if f.onset < 0 {
		return monitor.Watch{}, cfg, fmt.Errorf("--onset %v: use a positive duration such as 20s", f.onset)
	}
	set.Onset = f.onset
	if !(f.calibrate >= 1 && f.calibrate <= 600) { // NaN too
		return monitor.Watch{}, cfg, fmt.Errorf("--calibrate %g: use 1 to 600 seconds", f.calibrate)
	}
	if f.start != "" && !f.record {
		return monitor.Watch{}, cfg, fmt.Errorf("--start %q says when a recording began, for --record: add --record, or leave --start out", f.start)
	}
	if _, err := f.recordStart(0); err != nil {
		return monitor.Watch{}, cfg, err
	}
	w := monitor.Watch{Settings: set, CalibrateFor: seconds(f.calibrate)}
	if f.slouch != "" {
		if w.SlouchSampleAt, w.SlouchSampleFor, err = f.slouchSample(); err != nil {
			return monitor.Watch{}, cfg, err
		}
	}
	return w, cfg, nil
}

// slouchSample reads --slouch-sample START-END: where the sample starts and
// how long it lasts. Without a profile it must start after calibration.
func (f *analyzeFlags) slouchSample() (at, length time.Duration, err error) {
	from, to, _ := strings.Cut(f.slouch, "-")
	start, serr := strconv.ParseFloat(from, 64)
	end, eerr := strconv.ParseFloat(to, 64)
	if serr != nil || eerr != nil || !(start >= 0 && end-start >= 2 && end-start <= 60) {
		return 0, 0, fmt.Errorf("--slouch-sample %q: give the seconds of the input where you slouch, START-END, 2 to 60 s long (for example 6-10)", f.slouch)
	}
	if f.profile == "" && start < f.calibrate {
		return 0, 0, fmt.Errorf("--slouch-sample %q starts before calibration ends at %g s: start it at %g or later", f.slouch, f.calibrate, f.calibrate)
	}
	return seconds(start), seconds(end - start), nil
}

// recordStart is --start, or now minus the input's length.
func (f *analyzeFlags) recordStart(length time.Duration) (time.Time, error) {
	if f.start == "" {
		return time.Now().Add(-length), nil
	}
	t, err := time.Parse(time.RFC3339, f.start)
	if err != nil {
		return time.Time{}, fmt.Errorf("--start %q is not a time like 2026-11-30T09:00:00+01:00", f.start)
	}
	return t, nil
}
