//go:build !front

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"testing"

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
