package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

func init() {
	commands["calibrate"] = command{summary: "measure your upright posture and save it as a profile", run: runCalibrate}
}

func runCalibrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var src sourceFlags
	var seconds float64
	var out string
	fs := newFlags("calibrate", "calibrate --camera N|--input PATH [--seconds S] --out FILE", stderr)
	src.register(fs)
	fs.Float64Var(&seconds, "seconds", 5, "how many `seconds` to watch you sitting upright")
	fs.StringVar(&out, "out", "", "where to save the profile (`file`)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if out == "" {
		return errors.New("say where to save the profile: --out FILE (for example --out ~/.config/hunch/profile.json)")
	}
	if seconds < 1 || seconds > 120 {
		return fmt.Errorf("--seconds %g: use 1 to 120 seconds", seconds)
	}
	cfg, err := src.config()
	if err != nil {
		return err
	}
	p, err := vision.Open(cfg)
	if err != nil {
		return err
	}
	defer p.Close()
	fmt.Fprintf(stderr, "Sit upright: back straight, shoulders back and down, screen at eye level. Watching %s for %g s…\n", src.name(), seconds)
	b, _, err := monitor.CalibrateFrom(ctx, p, time.Duration(seconds*float64(time.Second)), func(monitor.Observation) {})
	if err != nil {
		return fmt.Errorf("%s: %w", src.name(), err)
	}
	if err := monitor.SaveProfile(out, monitor.Profile{Created: time.Now().UTC(), Source: src.name(), Baseline: b}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Calibrated: face %.0f px tall at (%.0f, %.0f) in a %dx%d picture; saved to %s\n",
		b.FaceHeight, b.Center.X, b.Center.Y, b.Width, b.Height, out)
	if b.Restless {
		fmt.Fprintln(stdout, "You moved quite a bit while calibrating; if Hunch nags you when you sit well, calibrate again and keep still.")
	}
	return nil
}
