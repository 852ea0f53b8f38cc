//go:build !front

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor/history"
)

// historyDir records a small history: on 2026-05-04 (local time), 10:00–10:30
// upright, 10:30–10:40 hunched with one alert, 10:40–10:50 away.
func historyDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	s, err := history.Open(context.Background(), dir, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	recordSpans(t, s, time.Date(2026, 5, 4, 10, 0, 0, 0, time.Local),
		recordedSpan{"upright", "", 30 * time.Minute}, recordedSpan{"slouched", "hunched", 10 * time.Minute},
		recordedSpan{"away", "", 10 * time.Minute})
	s.Close()
	return dir
}

// recordedSpan is one stretch of a recorded posture; a slouch has a kind
// and one alert 20 s in.
type recordedSpan struct {
	posture, kind string
	d             time.Duration
}

// recordSpans books spans one after the other from at into s.
func recordSpans(t *testing.T, s *history.Store, at time.Time, spans ...recordedSpan) {
	t.Helper()
	rec := history.NewRecorder(s)
	for _, p := range spans {
		rec.AddSpan(at, p.d, p.posture, p.kind)
		if p.kind != "" {
			rec.AddEvent(history.Event{At: at.Add(20 * time.Second), Kind: history.EventAlert, Detail: p.kind})
		}
		at = at.Add(p.d)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
}

func fixNow(t *testing.T) {
	old := reportNow
	reportNow = func() time.Time { return time.Date(2026, 5, 5, 9, 0, 0, 0, time.Local) }
	t.Cleanup(func() { reportNow = old })
}

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestReportJSON(t *testing.T) {
	fixNow(t)
	dir := historyDir(t)
	out, errOut, code := runCmd(t, "report", "--date", "yesterday", "--format", "json", "--data-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for k, want := range map[string]any{"date": "2026-05-04", "monitored_s": 3000.0, "upright_s": 1800.0, "slouched_s": 600.0,
		"away_s": 600.0, "alerts": 1.0, "longest_upright_s": 1800.0, "score": 72.0} {
		if r[k] != want {
			t.Errorf("%s = %v, want %v", k, r[k], want)
		}
	}
	if h, ok := r["hours"].([]any); !ok || len(h) < 23 {
		t.Errorf("hours = %v", r["hours"])
	}
}

func TestReportWeekJSONHasOneObjectPerDay(t *testing.T) {
	fixNow(t)
	out, errOut, code := runCmd(t, "report", "--week", "--format", "json", "--data-dir", historyDir(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var w struct {
		Days []map[string]any `json:"days"`
	}
	json.Unmarshal([]byte(out), &w)
	if len(w.Days) != 7 || w.Days[6]["date"] != "2026-05-05" || w.Days[5]["upright_s"] != 1800.0 {
		t.Fatalf("week: %s", out)
	}
}

func TestReportTextAndCSV(t *testing.T) {
	fixNow(t)
	dir := historyDir(t)
	out, _, code := runCmd(t, "report", "--date", "2026-05-04", "--data-dir", dir)
	for _, want := range []string{"Monday 4 May 2026", "50m", "75.0%", "hunched 10m", "score                    72 / 100", "10:00"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = runCmd(t, "report", "--date", "2026-05-04", "--format", "csv", "--data-dir", dir)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) < 24 || !strings.HasPrefix(lines[0], "date,hour_start,hour,monitored_s") {
		t.Errorf("csv: %s", out)
	}
	out, _, _ = runCmd(t, "report", "--week", "--data-dir", dir)
	if !strings.Contains(out, "Mon 4 May") || !strings.Contains(out, "trend") {
		t.Errorf("week text:\n%s", out)
	}
}

func TestReportWithoutHistory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none")
	_, errOut, code := runCmd(t, "report", "--data-dir", dir)
	want := "hunch report: no history yet in " + dir + "; run hunch to start recording\n"
	if code != 1 || errOut != want {
		t.Fatalf("exit %d, stderr %q; want %q", code, errOut, want)
	}
}

func TestReportUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"--format", "xml"}, {"--date", "tomorrow"}, {"extra"}} {
		_, errOut, code := runCmd(t, append([]string{"report"}, args...)...)
		if code != 2 || !strings.HasPrefix(errOut, "hunch report: ") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestReportMoveAsideADamagedHistory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, history.DBName), bytes.Repeat([]byte("junk"), 2000), 0o600)
	_, errOut, code := runCmd(t, "report", "--data-dir", dir)
	if code != 1 || !strings.Contains(errOut, filepath.Join(dir, history.DBName)) || !strings.Contains(errOut, "--move-aside") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	out, errOut, code := runCmd(t, "report", "--move-aside", "--data-dir", dir)
	if code != 0 || !strings.Contains(out, ".corrupt-") {
		t.Fatalf("move aside: exit %d, %s %s", code, out, errOut)
	}
}
