//go:build !front

package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/hunch-posture/hunch/gui"
	"github.com/hunch-posture/hunch/monitor/history"
)

// The day's score is one figure wherever it is shown: the report window and
// `hunch report` read the same history file and give the same number.
func TestTheReportWindowAndTheReportCommandGiveTheSameScore(t *testing.T) {
	dir := t.TempDir()
	s, err := history.Open(context.Background(), dir, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Today's last 40 minutes: both surfaces show today. Just after midnight
	// today holds too little of it to be scored.
	now := time.Now()
	if midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local); now.Sub(midnight) < 40*time.Minute {
		t.Skip("too close to midnight for 40 minutes of today")
	}
	recordSpans(t, s, now.Add(-40*time.Minute).Truncate(time.Minute),
		recordedSpan{"upright", "", 23 * time.Minute}, recordedSpan{"slouched", "slumped", 9 * time.Minute},
		recordedSpan{"upright", "", 7 * time.Minute})

	a := test.NewTempApp(t)
	u := gui.New(a, nil, s, nil)
	u.ShowReport()
	var window []string
	for _, w := range a.Driver().AllWindows() {
		if w.Title() == "Hunch — Daily report" {
			window = scoreTexts(w.Content())
		}
	}
	s.Close()

	out, errOut, code := runCmd(t, "report", "--data-dir", dir)
	m := regexp.MustCompile(`score\s+(\d+) / 100`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("hunch report (exit %d) shows no score:\n%s%s", code, out, errOut)
	}
	if len(window) != 1 || window[0] != m[1]+"/100" {
		t.Errorf("the report window shows the score %q, hunch report %s / 100", window, m[1])
	}
}

// scoreTexts are the texts of the form "N/100" under o.
func scoreTexts(o fyne.CanvasObject) []string {
	var found []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			if strings.HasSuffix(v.Text, "/100") {
				found = append(found, v.Text)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return found
}
