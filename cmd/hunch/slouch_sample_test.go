//go:build !front

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision/clips"
)

// The slouch sample from the command line, on a real decoded clip: analyze
// takes it from the stretch named, does not judge those frames, and judges
// the rest; calibrate saves it in the profile, and analyze uses it from there.
func TestTheSlouchSampleFromTheCommandLine(t *testing.T) {
	script := []clips.Segment{{Kind: clips.Upright, Seconds: 6}, {Kind: clips.HeadForward, Seconds: 4}, {Kind: clips.Upright, Seconds: 6}}
	clip, _ := generatedClip(t, 5, script, clips.Options{Jitter: 0.5, Noise: 2, Seed: 3})
	frames, _ := analyzeJSON(t, "--input", clip, "--calibrate", "5", "--slouch-sample", "6.5-9.5")
	for _, f := range frames {
		inSample := f.T >= 6.5 && f.T < 9.5+0.25 // to the first frame at or past its end
		if inSample != (f.Posture == "calibrating") && f.T >= 5.2 {
			t.Errorf("at %.1f s the frame is %s; want calibrating exactly within the sample 6.5-9.5 s", f.T, f.Posture)
		}
		if f.T >= 12 && f.Posture != "upright" {
			t.Errorf("at %.1f s, upright again after the sample, read %s", f.T, f.Posture)
		}
	}

	profile := filepath.Join(t.TempDir(), "profile.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"calibrate", "--input", clip, "--seconds", "5.5", "--slouch-seconds", "3.5", "--out", profile}, &stdout, &stderr); code != 0 {
		t.Fatalf("calibrate exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "tired") || !strings.Contains(stdout.String(), "slouch sample is saved") {
		t.Errorf("calibrate did not ask for and confirm the slouch sample:\n%s\n%s", stderr.String(), stdout.String())
	}
	if strings.Contains(stdout.String(), noSlouchSampleHint) {
		t.Errorf("calibrate with a slouch sample still suggests recording one:\n%s", stdout.String())
	}
	p, err := monitor.LoadProfile(profile)
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Baseline.SlouchSample; s == nil || s.HeadDrop < 0.15 {
		t.Fatalf("the saved slouch sample %+v does not show the head sunk forward", s)
	}

	stdout.Reset()
	if code := run(context.Background(), []string{"calibrate", "--input", clip, "--seconds", "5.5", "--out", profile}, &stdout, &stderr); code != 0 {
		t.Fatalf("calibrate without a sample exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), noSlouchSampleHint) {
		t.Errorf("calibrate without a slouch sample does not say what one is for:\n%s", stdout.String())
	}
}

func TestASlouchSampleOutsideTheInputIsAOneLineError(t *testing.T) {
	script := []clips.Segment{{Kind: clips.Upright, Seconds: 8}}
	clip, _ := generatedClip(t, 5, script, clips.Options{})
	for args, want := range map[string]string{
		"--slouch-sample 2-6":  "starts before calibration ends",
		"--slouch-sample 6":    "START-END",
		"--slouch-sample 6-30": "ended during the slouch sample",
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"analyze", "--input", clip, "--calibrate", "5"}, strings.Fields(args)...), &stdout, &stderr)
		if code == 0 || !strings.Contains(stderr.String(), want) || strings.Count(strings.TrimSpace(stderr.String()), "\n") > 0 {
			t.Errorf("%s: exit %d, stderr %q; want a one-line error saying %q", args, code, stderr.String(), want)
		}
	}
}
