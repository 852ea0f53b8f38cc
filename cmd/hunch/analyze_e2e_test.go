//go:build !front

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunch-posture/hunch/vision/clips"
	"github.com/hunch-posture/hunch/vision/clips/cliptest"
)

// generatedClip makes a clip with known truth from the embedded real
// webcam frame.
var generatedClip = cliptest.Generated

// analyzeJSON runs 'hunch analyze --json' and decodes its lines.
func analyzeJSON(t *testing.T, args ...string) ([]frameRecord, summaryRecord) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"analyze", "--json"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("hunch analyze exited %d: %s", code, stderr.String())
	}
	var frames []frameRecord
	var sum map[string]summaryRecord
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"summary"`)) {
			if err := json.Unmarshal(line, &sum); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var f frameRecord
		if err := json.Unmarshal(line, &f); err != nil {
			t.Fatalf("bad JSON line %q: %v", line, err)
		}
		frames = append(frames, f)
	}
	if sum == nil {
		t.Fatal("no summary line")
	}
	return frames, sum["summary"]
}

// segmentOf finds the script segment a time falls in.
func segmentOf(script []clips.Segment, at float64) (int, float64) {
	start := 0.0
	for i, s := range script {
		if at < start+s.Seconds {
			return i, at - start
		}
		start += s.Seconds
	}
	return len(script) - 1, 0
}

func TestAnalyzeJudgesAGeneratedClipOfARealWebcamFrame(t *testing.T) {
	script := []clips.Segment{
		{Kind: clips.Upright, Seconds: 6},
		{Kind: clips.Glance, Seconds: 8}, {Kind: clips.Upright, Seconds: 6}, {Kind: clips.Glance, Seconds: 6},
		{Kind: clips.LeaningIn, Seconds: 30},
		{Kind: clips.Upright, Seconds: 10}, {Kind: clips.TurnAside, Seconds: 8}, {Kind: clips.SecondFace, Seconds: 10},
		{Kind: clips.Slumped, Seconds: 30},
		{Kind: clips.Upright, Seconds: 10},
		{Kind: clips.Hunched, Seconds: 30},
		{Kind: clips.Away, Seconds: 12},
		{Kind: clips.Upright, Seconds: 8},
	}
	clip, truth := generatedClip(t, 5, script, clips.Options{Jitter: 1.5, Noise: 4, Lighting: 0.15, Seed: 7})
	frames, sum := analyzeJSON(t, "--input", clip, "--fps", "0", "--calibrate", "5")
	if len(frames) != len(truth) {
		t.Fatalf("%d frames analysed, the clip has %d", len(frames), len(truth))
	}
	right, judged := 0, 0
	alerts := make([]int, len(script))
	for i, f := range frames {
		seg, into := segmentOf(script, f.T)
		if f.Alert {
			alerts[seg]++
		}
		kind := script[seg].Kind
		if kind == clips.Glance && (f.State != "upright" || f.Alert) {
			t.Errorf("t=%.1f: a glance made the state %s (alert %v)", f.T, f.State, f.Alert)
		}
		if f.Posture == "calibrating" || truth[i].Transition || into < 1 || kind == clips.Glance {
			continue
		}
		judged++
		if f.Posture == truth[i].Posture {
			right++
		} else if judged-right <= 10 {
			t.Logf("t=%.1f %s: posture %s/%s score %.2f", f.T, kind, f.Posture, f.Kind, f.Score)
		}
	}
	if acc := float64(right) / float64(judged); acc < 0.98 {
		t.Errorf("%.1f%% of %d frames right, want at least 98%%", 100*acc, judged)
	}
	for i, s := range script {
		want := 0
		if clips.PostureSlouched == truthPosture(s.Kind) {
			want = 1
		}
		if alerts[i] != want {
			t.Errorf("segment %d (%s, %g s): %d alerts, want %d", i, s.Kind, s.Seconds, alerts[i], want)
		}
	}
	if sum.Alerts != 3 || sum.Frames != len(frames) {
		t.Errorf("summary: %d alerts over %d frames, want 3 over %d", sum.Alerts, sum.Frames, len(frames))
	}
	length := 0.0
	for _, s := range script {
		length += s.Seconds
	}
	// Calibration ends at 5 s; the last frame starts 0.2 s before the end.
	if total, want := sum.UprightS+sum.SlouchedS+sum.AwayS, length-5-0.2; total < want-0.01 || total > want+0.01 {
		t.Errorf("summary accounts for %.1f s, want the %.1f s after calibration", total, want)
	}
}

func truthPosture(kind string) string {
	switch kind {
	case clips.LeaningIn, clips.Slumped, clips.Hunched:
		return clips.PostureSlouched
	}
	return ""
}

func TestAnalyzeSamplesTwoFramesASecondByDefault(t *testing.T) {
	clip, _ := generatedClip(t, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 12}}, clips.Options{})
	frames, sum := analyzeJSON(t, "--input", clip, "--calibrate", "3")
	if len(frames) != 24 {
		t.Fatalf("%d frames analysed from a 12 s clip at --fps 2, want 24", len(frames))
	}
	if frames[1].T-frames[0].T != 0.5 || frames[23].T != 11.5 {
		t.Errorf("timestamps %.2f, %.2f … %.2f, want 0, 0.5 … 11.5", frames[0].T, frames[1].T, frames[23].T)
	}
	if sum.MsPerFrame <= 0 || sum.Alerts != 0 {
		t.Errorf("summary %+v", sum)
	}
}

func TestAnalyzeExplainsBadInput(t *testing.T) {
	dir := t.TempDir()
	empty, text := filepath.Join(dir, "empty.avi"), filepath.Join(dir, "notes.mp4")
	os.WriteFile(empty, nil, 0o600)
	os.WriteFile(text, []byte("not a video\n"), 0o600)
	clip, _ := generatedClip(t, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 3}}, clips.Options{})
	whole, _ := os.ReadFile(clip)
	truncated := filepath.Join(dir, "truncated.avi")
	os.WriteFile(truncated, whole[:len(whole)/3], 0o600)
	cases := map[string]struct {
		args []string
		want string
	}{
		"no source":        {nil, "nothing to watch"},
		"missing file":     {[]string{"--input", filepath.Join(dir, "none.mp4")}, "no such file"},
		"bad sensitivity":  {[]string{"--input", "x.avi", "--sensitivity", "max"}, "use low, medium or high"},
		"both sources":     {[]string{"--input", "x.avi", "--camera", "0"}, "not both"},
		"no camera":        {[]string{"--camera", "7"}, "camera 7"},
		"missing profile":  {[]string{"--input", "x.avi", "--profile", filepath.Join(dir, "p.json")}, "hunch calibrate"},
		"empty file":       {[]string{"--input", empty}, "not a video"},
		"not a video":      {[]string{"--input", text}, "not a video"},
		"truncated video":  {[]string{"--input", truncated}, "input ended before calibration"},
		"half a second":    {[]string{"--input", "x.avi", "--calibrate", "0.5"}, "use 1 to 600 seconds"},
		"start, no record": {[]string{"--input", "x.avi", "--start", "2026-11-30T09:00:00Z"}, "add --record"},
		"sample and junk":  {[]string{"--input", "x.avi", "--slouch-sample", "6-10junk"}, "START-END"},
		"sample, one end":  {[]string{"--input", "x.avi", "--slouch-sample", "6"}, "START-END"},
	}
	for name, tc := range cases {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append([]string{"analyze"}, tc.args...), &stdout, &stderr)
		msg := stderr.String()
		if code == 0 || !strings.Contains(msg, tc.want) || strings.Count(strings.TrimSpace(msg), "\n") > 0 || strings.Contains(msg, "goroutine") {
			t.Errorf("%s: exit %d, stderr %q; want one line mentioning %q", name, code, msg, tc.want)
		}
	}
}

func TestDebugFramesAreWrittenOnlyWhenAskedFor(t *testing.T) {
	clip, _ := generatedClip(t, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 4}}, clips.Options{})
	dir := filepath.Join(t.TempDir(), "frames")
	analyzeJSON(t, "--input", clip, "--calibrate", "2", "--debug-frames", dir)
	files, _ := filepath.Glob(filepath.Join(dir, "frame-*.jpg"))
	if len(files) != 8 {
		t.Fatalf("%d debug frames for 8 analysed frames", len(files))
	}
	st, _ := os.Stat(dir)
	fi, _ := os.Stat(files[0])
	if st.Mode().Perm() != 0o700 || fi.Mode().Perm() != 0o600 || fi.Size() < 10000 {
		t.Errorf("folder %v, frame %v of %d bytes: want 0700, 0600 and a real picture", st.Mode().Perm(), fi.Mode().Perm(), fi.Size())
	}
	f, err := os.Open(files[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := jpeg.DecodeConfig(f); err != nil || cfg.Width != 640 || cfg.Height != 480 {
		t.Errorf("debug frame %s: %+v, %v; want a 640×480 JPEG picture", files[0], cfg, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("half-written files left: %v", left)
	}
}
