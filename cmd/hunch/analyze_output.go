//go:build !front

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

// frameRecord is one line of 'analyze --json'.
type frameRecord struct {
	T            float64 `json:"t"`
	Face         bool    `json:"face"`
	Posture      string  `json:"posture"`
	Kind         string  `json:"kind"`
	State        string  `json:"state"`
	StateKind    string  `json:"state_kind"`
	Alert        bool    `json:"alert"`
	Score        float64 `json:"score"`
	SetupChanged bool    `json:"setup_changed"`
	// CameraCovered: the picture is dark and flat (a covered lens, a dead
	// camera); the frame is neither judged nor counted.
	CameraCovered bool `json:"camera_covered"`
}

// summaryRecord is the last line of 'analyze --json'.
type summaryRecord struct {
	Frames     int            `json:"frames"`
	UprightS   float64        `json:"upright_s"`
	SlouchedS  float64        `json:"slouched_s"`
	AwayS      float64        `json:"away_s"`
	Alerts     int            `json:"alerts"`
	LongestS   float64        `json:"longest_upright_s"`
	ByKind     map[string]any `json:"slouched_by_kind_s"`
	MsPerFrame float64        `json:"ms_per_frame"`
	// StillFrames reused the last analysis: the user's part of the picture
	// had not changed.
	StillFrames int `json:"still_frames"`
}

// analysisWriter prints updates as JSON lines or as a table of changes.
type analysisWriter struct {
	w      io.Writer
	json   *json.Encoder
	table  *tabwriter.Writer
	last   monitor.Update
	frames int
}

func newAnalysisWriter(w io.Writer, asJSON bool) *analysisWriter {
	a := &analysisWriter{w: w}
	if asJSON {
		a.json = json.NewEncoder(w)
	} else {
		a.table = tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(a.table, "time\tstate\tposture\tkind\tscore\t")
	}
	return a
}

func (a *analysisWriter) update(u monitor.Update) {
	a.frames++
	if a.json != nil {
		a.json.Encode(frameRecord{T: round3(u.At.Seconds()), Face: u.FaceFound, Posture: string(u.Posture),
			Kind: string(u.Kind), State: string(u.State), StateKind: string(u.StateKind), Alert: u.Alert,
			Score: round3(u.Score), SetupChanged: u.SetupChanged, CameraCovered: u.CameraCovered})
		return
	}
	if a.frames > 1 && u.State == a.last.State && u.StateKind == a.last.StateKind && !u.Alert &&
		u.SetupChanged == a.last.SetupChanged && u.CameraCovered == a.last.CameraCovered {
		return
	}
	note := ""
	switch {
	case u.Alert:
		note = fmt.Sprintf("ALERT: %s for %.0f s — %s", u.StateKind.Describe(), u.SlouchFor.Seconds(), u.StateKind.Advice())
	case u.CameraCovered:
		note = "camera covered: nothing to see"
	case u.SetupChanged:
		note = "the camera seems to have moved: recalibrate"
	}
	fmt.Fprintf(a.table, "%s\t%s\t%s\t%s\t%.2f\t%s\n", clock(u.At), u.State, u.Posture, u.Kind, u.Score, note)
	a.last = u
}

func (a *analysisWriter) summary(t monitor.Tally, timing vision.Timing) error {
	s := summaryRecord{Frames: a.frames, UprightS: round3(t.Upright.Seconds()), SlouchedS: round3(t.Slouched.Seconds()),
		AwayS: round3(t.Away.Seconds()), Alerts: t.Alerts, LongestS: round3(t.LongestUpright.Seconds()),
		ByKind: map[string]any{}, MsPerFrame: round3(timing.MedianMS), StillFrames: timing.Still}
	for k, d := range t.SlouchedByKind {
		s.ByKind[string(k)] = round3(d.Seconds())
	}
	if a.json != nil {
		return a.json.Encode(map[string]summaryRecord{"summary": s})
	}
	a.table.Flush()
	fmt.Fprintf(a.w, "\n%d frames analysed (%d of them unchanged, not looked at again): upright %s, slouched %s, away %s; %d alerts; longest upright stretch %s; %.1f ms a frame\n",
		a.frames, timing.Still, clock(t.Upright), clock(t.Slouched), clock(t.Away), t.Alerts, clock(t.LongestUpright), timing.MedianMS)
	return nil
}

func clock(d time.Duration) string {
	d = d.Round(100 * time.Millisecond)
	return fmt.Sprintf("%d:%04.1f", int(d.Minutes()), (d % time.Minute).Seconds())
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
