package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hunch-posture/hunch/monitor/history"
)

func init() {
	runners["report"] = runReport
}

// reportNow is the CLI's clock, a variable so tests can fix the date.
var reportNow = time.Now

// reportFlags are report's options.
type reportFlags struct {
	date, format, dataDir string
	week, moveAside       bool
}

// flagSet is report's flag set, filling f.
func (f *reportFlags) flagSet() *commandFlags {
	fs := newCommandFlags("report", "report [--date YYYY-MM-DD|today|yesterday] [--week] [--format text|json|csv] [--data-dir DIR]",
		"hunch report --date yesterday --week --format csv")
	fs.StringVar(&f.date, "date", "today", "the day to report: YYYY-MM-DD, today or yesterday")
	fs.BoolVar(&f.week, "week", false, "report the 7 days ending with --date, side by side")
	fs.StringVar(&f.format, "format", "text", "output format: text, json or csv")
	fs.StringVar(&f.dataDir, "data-dir", "", "where the history lives (default: the user's data directory)")
	fs.BoolVar(&f.moveAside, "move-aside", false, "move a damaged history database aside so that a new one starts")
	return fs
}

// parseReportFlags reads report's command line and the day it asks for,
// relative to now; help is true when --help was asked for and printed.
func parseReportFlags(args []string, now time.Time, stdout, stderr io.Writer) (f reportFlags, day time.Time, help bool, err error) {
	fs := f.flagSet()
	if help, err = fs.parse(args, stdout, stderr); help || err != nil {
		return f, day, help, err
	}
	if f.format != "text" && f.format != "json" && f.format != "csv" {
		return f, day, false, fs.fail(stderr, "--format %q: want text, json or csv", f.format)
	}
	if day, err = history.ParseDay(f.date, now, time.Local); err != nil {
		return f, day, false, fs.fail(stderr, "--%v", err)
	}
	return f, day, false, nil
}

// runReport prints the daily or weekly report from the history.
func runReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	now := reportNow()
	f, day, help, err := parseReportFlags(args, now, stdout, stderr)
	if help || err != nil {
		return err
	}
	dir, err := dataDirOr(f.dataDir)
	if err != nil {
		return err
	}
	if f.moveAside {
		to, err := history.MoveAside(filepath.Join(dir, history.DBName), now)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "moved the history database aside to %s; Hunch starts a new one\n", to)
		return nil
	}
	s, err := history.Open(ctx, dir, history.Options{ReadOnly: true, Now: reportNow})
	if err != nil {
		return err
	}
	defer s.Close()

	if f.week {
		w, err := s.Week(ctx, day)
		if err != nil {
			return err
		}
		switch f.format {
		case "json":
			return writeJSON(stdout, w)
		case "csv":
			return weekCSV(stdout, w)
		}
		return weekText(stdout, w)
	}
	r, err := s.Day(ctx, day)
	if err != nil {
		return err
	}
	switch f.format {
	case "json":
		return writeJSON(stdout, r)
	case "csv":
		return dayCSV(stdout, r)
	}
	return dayText(stdout, r)
}

// dataDirOr is --data-dir when given, the platform's data directory otherwise.
func dataDirOr(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return history.DefaultDataDir()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// hm writes seconds as "5h 02m", "36m" or "45s".
func hm(s float64) string {
	d := time.Duration(s * float64(time.Second)).Round(time.Second)
	switch {
	case d >= time.Hour:
		return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%ds", int(d.Seconds()))
}

func scoreText(p *int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(*p)
}

func pctText(p *float64) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p, 'f', 1, 64) + "%"
}

func numText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func dayText(w io.Writer, r history.DayReport) error {
	ew := &errWriter{w: w}
	ew.printf("Posture on %s (%s)\n", r.Start.Format("Monday 2 January 2006"), r.Timezone)
	if r.MonitoredS == 0 && r.PausedS == 0 {
		ew.printf("  nothing recorded that day\n")
		return ew.err
	}
	kinds := make([]string, 0, len(r.SlouchedByKindS))
	for k := range r.SlouchedByKindS {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return r.SlouchedByKindS[kinds[i]] > r.SlouchedByKindS[kinds[j]] })
	var parts []string
	for _, k := range kinds {
		parts = append(parts, strings.ReplaceAll(k, "_", " ")+" "+hm(r.SlouchedByKindS[k]))
	}
	ew.printf("  %-24s %s (away %s, paused %s)\n", "monitored", hm(r.MonitoredS), hm(r.AwayS), hm(r.PausedS))
	ew.printf("  %-24s %s, %s of the time at the desk\n", "upright", hm(r.UprightS), pctText(r.UprightPct))
	bykind := ""
	if len(parts) > 0 {
		bykind = " (" + strings.Join(parts, ", ") + ")"
	}
	ew.printf("  %-24s %s%s\n", "slouched", hm(r.SlouchedS), bykind)
	ew.printf("  %-24s %d\n", "alerts", r.Alerts)
	ew.printf("  %-24s %s\n", "longest upright streak", hm(r.LongestUprightS))
	ew.printf("  %-24s %d\n", "breaks", r.Breaks)
	ew.printf("  %-24s %s / 100\n", "score", scoreText(r.Score))
	ew.printf("\n  %-6s %9s %9s %9s %7s %6s\n", "hour", "upright", "slouched", "away", "alerts", "score")
	for _, h := range r.Hours {
		if h.MonitoredS == 0 && h.PausedS == 0 {
			continue
		}
		ew.printf("  %-6s %9s %9s %9s %7d %6s\n", h.Start.Format("15:04"), hm(h.UprightS), hm(h.SlouchedS), hm(h.AwayS), h.Alerts, scoreText(h.Score))
	}
	return ew.err
}

func weekText(w io.Writer, wr history.WeekReport) error {
	ew := &errWriter{w: w}
	ew.printf("Posture from %s to %s (%s)\n\n", wr.From, wr.To, wr.Timezone)
	ew.printf("  %-14s %10s %8s %9s %7s %6s\n", "day", "monitored", "upright", "slouched", "alerts", "score")
	for _, d := range wr.Days {
		ew.printf("  %-14s %10s %8s %9s %7d %6s\n", d.Start.Format("Mon 2 Jan"), hm(d.MonitoredS), pctText(d.UprightPct), hm(d.SlouchedS), d.Alerts, scoreText(d.Score))
	}
	ew.printf("  %-14s %10s %8s %9s %7d %6s\n", "week", hm(wr.MonitoredS), pctText(wr.UprightPct), hm(wr.SlouchedS), wr.Alerts, scoreText(wr.Score))
	trend := wr.Trend
	if wr.TrendPerDay != nil {
		trend += fmt.Sprintf(" (%+.1f points a day)", *wr.TrendPerDay)
	}
	ew.printf("\n  trend        %s\n", trend)
	hours := func(hs []history.HourOfDay) string {
		if len(hs) == 0 {
			return "–"
		}
		var p []string
		for _, h := range hs {
			p = append(p, fmt.Sprintf("%02d:00 (%.0f%% upright)", h.Hour, h.UprightPct))
		}
		return strings.Join(p, ", ")
	}
	ew.printf("  best hours   %s\n  worst hours  %s\n", hours(wr.BestHours), hours(wr.WorstHours))
	return ew.err
}

// dayCSV writes one row per hour of the day.
func dayCSV(w io.Writer, r history.DayReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "hour_start", "hour", "monitored_s", "upright_s", "slouched_s", "away_s", "paused_s", "alerts", "score"})
	for _, h := range r.Hours {
		cw.Write([]string{r.Date, h.Start.Format(time.RFC3339), strconv.Itoa(h.Hour), numText(h.MonitoredS), numText(h.UprightS),
			numText(h.SlouchedS), numText(h.AwayS), numText(h.PausedS), strconv.Itoa(h.Alerts), csvScore(h.Score)})
	}
	cw.Flush()
	return cw.Error()
}

// weekCSV writes one row per day.
func weekCSV(w io.Writer, wr history.WeekReport) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "monitored_s", "upright_s", "slouched_s", "away_s", "paused_s", "alerts", "longest_upright_s", "breaks", "score"})
	for _, d := range wr.Days {
		cw.Write([]string{d.Date, numText(d.MonitoredS), numText(d.UprightS), numText(d.SlouchedS), numText(d.AwayS), numText(d.PausedS),
			strconv.Itoa(d.Alerts), numText(d.LongestUprightS), strconv.Itoa(d.Breaks), csvScore(d.Score)})
	}
	cw.Flush()
	return cw.Error()
}

func csvScore(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// errWriter keeps the first write error so that a report is a run of printfs.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
