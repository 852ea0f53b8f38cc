//go:build !front

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/vision/clips"
)

func TestARecordedAnalysisReportsTheSameTotals(t *testing.T) {
	clip, _ := generatedClip(t, 5, []clips.Segment{
		{Kind: clips.Upright, Seconds: 20}, {Kind: clips.LeaningIn, Seconds: 40}, {Kind: clips.Away, Seconds: 15}, {Kind: clips.Upright, Seconds: 10},
	}, clips.Options{Noise: 3, Seed: 3})
	data := filepath.Join(t.TempDir(), "history")
	_, sum := analyzeJSON(t, "--input", clip, "--record", "--start", "2026-03-29T10:59:30Z", "--data-dir", data)

	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"report", "--date", "2026-03-29", "--format", "json", "--data-dir", data}, &out, &errOut); code != 0 {
		t.Fatalf("report exited %d: %s", code, errOut.String())
	}
	var day struct {
		UprightS, SlouchedS, AwayS float64
		Alerts                     int
	}
	raw := map[string]any{}
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
		t.Fatalf("report JSON: %v\n%s", err, out.String())
	}
	day.UprightS, day.SlouchedS, day.AwayS = raw["upright_s"].(float64), raw["slouched_s"].(float64), raw["away_s"].(float64)
	day.Alerts = int(raw["alerts"].(float64))
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.01 }
	if !near(day.UprightS, sum.UprightS) || !near(day.SlouchedS, sum.SlouchedS) || !near(day.AwayS, sum.AwayS) || day.Alerts != sum.Alerts {
		t.Errorf("report %+v differs from the analysis summary %+v", day, sum)
	}
	if sum.SlouchedS < 30 || sum.Alerts != 1 {
		t.Errorf("the analysis itself looks wrong: %+v", sum)
	}
}

// TestARecordingIntoADayKeptOnlyAsItsSummaryIsRefused: a day older than
// the retention is rolled up into its summary by the next writer; a second
// recording into it is refused before any analysis, with a one-line error,
// and the day still reports the first.
func TestARecordingIntoADayKeptOnlyAsItsSummaryIsRefused(t *testing.T) {
	clip, _ := generatedClip(t, 5, []clips.Segment{{Kind: clips.Upright, Seconds: 8}, {Kind: clips.LeaningIn, Seconds: 8}}, clips.Options{Seed: 4})
	data := filepath.Join(t.TempDir(), "history")
	old := time.Now().AddDate(0, 0, -200)
	start := time.Date(old.Year(), old.Month(), old.Day(), 10, 0, 0, 0, time.Local).Format(time.RFC3339)
	date := start[:10]
	analyzeJSON(t, "--input", clip, "--record", "--start", start, "--data-dir", data)
	before, errOut, code := runCmd(t, "report", "--date", date, "--format", "json", "--data-dir", data)
	if code != 0 {
		t.Fatalf("report exited %d: %s", code, errOut)
	}

	out, errOut, code := runCmd(t, "analyze", "--input", clip, "--record", "--start", start, "--data-dir", data)
	if code == 0 || !strings.Contains(errOut, "only as its summary") || !strings.Contains(errOut, date) ||
		strings.Count(strings.TrimSpace(errOut), "\n") != 0 || out != "" {
		t.Errorf("a second recording into %s: exit %d, stdout %q, stderr %q; want a one-line refusal before any analysis", date, code, out, errOut)
	}
	after, _, _ := runCmd(t, "report", "--date", date, "--format", "json", "--data-dir", data)
	var b, a map[string]any
	if json.Unmarshal([]byte(before), &b) != nil || json.Unmarshal([]byte(after), &a) != nil ||
		a["monitored_s"] != b["monitored_s"] || a["source"] != "summary" || b["monitored_s"].(float64) < 5 {
		t.Errorf("the day reports %v (%v) after the refusal, %v (%v) before", a["monitored_s"], a["source"], b["monitored_s"], b["source"])
	}
}
