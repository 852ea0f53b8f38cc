//go:build !front

package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
	"time"
)

// The CLI fuzz targets take a command line as one string, its arguments
// separated by NUL bytes (which no argument can contain).
func splitArgs(line string) []string {
	if line == "" {
		return nil
	}
	return strings.Split(line, "\x00")
}

// seedArgs adds command lines to a fuzz target's corpus.
func seedArgs(f *testing.F, lines ...[]string) {
	for _, l := range lines {
		f.Add(strings.Join(l, "\x00"))
	}
}

// checkParse checks the outcome of parsing a command line: help goes to
// stdout with the usage, every flag and an example; a mistake is one
// non-empty line on stderr, followed by the usage. It reports whether the
// command line was accepted.
func checkParse(t *testing.T, name string, help bool, err error, stdout, stderr *bytes.Buffer) bool {
	t.Helper()
	switch {
	case help:
		if err != nil || !strings.HasPrefix(stdout.String(), "Usage: hunch "+name) || !strings.Contains(stdout.String(), "\nExample:\n  hunch "+name) || stderr.Len() > 0 {
			t.Fatalf("help: err %v, stdout %q, stderr %q", err, stdout, stderr)
		}
		return false
	case err != nil:
		first, _, _ := strings.Cut(stderr.String(), "\n")
		if !errors.Is(err, errUsage) || err.Error() == "" || strings.ContainsAny(err.Error(), "\r\n") ||
			first != "hunch "+name+": "+err.Error() || !strings.Contains(stderr.String(), "\nUsage: hunch "+name) || stdout.Len() > 0 {
			t.Fatalf("mistake: err %q, stdout %q, stderr %q; want one line then the usage on stderr", err, stdout, stderr)
		}
		return false
	}
	if stdout.Len() > 0 || stderr.Len() > 0 {
		t.Fatalf("a good command line printed %q / %q", stdout, stderr)
	}
	return true
}

// checkOneLine checks that a refusal is one non-empty line.
func checkOneLine(t *testing.T, err error) {
	t.Helper()
	if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\r\n") {
		t.Fatalf("error %q: want one line", msg)
	}
}

// asArgs writes every flag's value back as a command line (--name=value).
func asArgs(fs *flag.FlagSet) []string {
	var args []string
	fs.VisitAll(func(f *flag.Flag) { args = append(args, "--"+f.Name+"="+f.Value.String()) })
	return args
}

func FuzzAnalyzeFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"-h"}, []string{"--input", "clip.mp4", "--json"},
		[]string{"--camera", "0", "--profile", "p.json", "--sensitivity", "high", "--onset", "5s"},
		[]string{"--input=x.avi", "--fps", "NaN"}, []string{"--input=x.avi", "--calibrate", "NaN"},
		[]string{"--input=x.avi", "--record", "--start", "2026-11-30T09:00:00+01:00", "--data-dir", "d"},
		[]string{"--input", "x.avi", "--start", "yesterday"}, []string{"--input", "x.avi", "--detector", "haar"},
		[]string{"--input", "x.avi", "--onset", "-1s"}, []string{"--input", "x", "--camera", "1"},
		[]string{"--input", "x", "--segment-every", "-3"}, []string{"--fps", "x"}, []string{"--nope"},
		[]string{"--input", "x", "extra"}, []string{"--input", "x", "--realtime=maybe"}, []string{"---input", "x"})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl analyzeFlags
		fs := fl.flagSet()
		help, err := fs.parse(splitArgs(line), &stdout, &stderr)
		if !checkParse(t, "analyze", help, err, &stdout, &stderr) {
			return
		}
		if _, _, err := fl.check(); err != nil {
			checkOneLine(t, err)
			return
		}
		again, help, err := parseAnalyzeFlags(asArgs(fs.FlagSet), &stdout, &stderr)
		if err != nil || help || again != fl {
			t.Fatalf("%+v written back as %q parses as %+v (%v)", fl, asArgs(fs.FlagSet), again, err)
		}
	})
}

func FuzzCalibrateFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"--camera", "0", "--out", "p.json"},
		[]string{"--input", "clip.mp4", "--seconds", "8", "--out", "p.json"}, []string{"--camera", "0", "--out", "p", "--seconds", "NaN"},
		[]string{"--camera", "0", "--out", "p", "--seconds", "500"}, []string{"--camera", "0"}, []string{"--out", "p"},
		[]string{"--camera", "zero", "--out", "p"}, []string{"--camera", "0", "--out", "p", "--fps", "Inf"})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl calibrateFlags
		fs := fl.flagSet()
		help, err := fs.parse(splitArgs(line), &stdout, &stderr)
		if !checkParse(t, "calibrate", help, err, &stdout, &stderr) {
			return
		}
		if _, err := fl.check(); err != nil {
			checkOneLine(t, err)
			return
		}
		again, help, err := parseCalibrateFlags(asArgs(fs.FlagSet), &stdout, &stderr)
		if err != nil || help || again != fl {
			t.Fatalf("%+v written back as %q parses as %+v (%v)", fl, asArgs(fs.FlagSet), again, err)
		}
	})
}

// fuzzNow is the clock of the report and export fuzz targets.
var fuzzNow = time.Date(2026, 5, 5, 9, 0, 0, 0, time.Local)

func FuzzReportFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"--date", "yesterday", "--week", "--format", "csv"},
		[]string{"--date", "2026-05-04", "--format", "json", "--data-dir", "d"}, []string{"--date", "2026-02-30"},
		[]string{"--format", "xml"}, []string{"--move-aside"}, []string{"--week=false", "--date="}, []string{"--date", "4 May"})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl reportFlags
		fs := fl.flagSet()
		help, err := fs.parse(splitArgs(line), &stdout, &stderr)
		if !checkParse(t, "report", help, err, &stdout, &stderr) {
			return
		}
		stdout.Reset()
		stderr.Reset()
		_, day, help, err := parseReportFlags(splitArgs(line), fuzzNow, &stdout, &stderr)
		if !checkParse(t, "report", help, err, &stdout, &stderr) {
			return
		}
		again, day2, help, err := parseReportFlags(asArgs(fs.FlagSet), fuzzNow, &stdout, &stderr)
		if err != nil || help || again != fl || !day2.Equal(day) {
			t.Fatalf("%+v (%v) written back as %q parses as %+v (%v, %v)", fl, day, asArgs(fs.FlagSet), again, day2, err)
		}
	})
}

func FuzzExportFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", "posture.csv"},
		[]string{"--from", "yesterday", "--format", "json"}, []string{"--from", "2026-05-04", "--to", "2026-05-01"},
		[]string{"--to", "today"}, []string{"--from", "today", "--format", "xml"}, []string{"--from", "2026-13-01"},
		[]string{"--from", "today", "--to", "tomorrow"}, []string{"--from", "today", "--data-dir", ""})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl exportFlags
		fs := fl.flagSet()
		help, err := fs.parse(splitArgs(line), &stdout, &stderr)
		if !checkParse(t, "export", help, err, &stdout, &stderr) {
			return
		}
		stdout.Reset()
		stderr.Reset()
		_, first, last, help, err := parseExportFlags(splitArgs(line), fuzzNow, &stdout, &stderr)
		if !checkParse(t, "export", help, err, &stdout, &stderr) {
			return
		}
		if last.Before(first) {
			t.Fatalf("accepted %v to %v", first, last)
		}
		again, first2, last2, help, err := parseExportFlags(asArgs(fs.FlagSet), fuzzNow, &stdout, &stderr)
		if err != nil || help || again != fl || !first2.Equal(first) || !last2.Equal(last) {
			t.Fatalf("%+v written back as %q parses as %+v (%v)", fl, asArgs(fs.FlagSet), again, err)
		}
	})
}

func FuzzDoctorFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"-h"}, []string{"--verbose"}, []string{"cameras"}, []string{"--", "x"}, []string{"--models=maybe"})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl doctorFlags
		help, err := fl.flagSet().parse(splitArgs(line), &stdout, &stderr)
		checkParse(t, "doctor", help, err, &stdout, &stderr)
	})
}

func FuzzAppFlags(f *testing.F) {
	seedArgs(f, nil, []string{"--help"}, []string{"--demo"}, []string{"--camera", "1", "--profile", "p.json"},
		[]string{"--input", "clip.mp4", "--onset", "4s", "--data-dir", "d"}, []string{"--input", "x", "--camera", "0"},
		[]string{"--onset", "-2s"}, []string{"--fps", "NaN"}, []string{"--demo=perhaps"}, []string{"stray"})
	f.Fuzz(func(t *testing.T, line string) {
		var stdout, stderr bytes.Buffer
		var fl appFlags
		fs := fl.flagSet()
		help, err := fs.parse(splitArgs(line), &stdout, &stderr)
		if !checkParse(t, "app", help, err, &stdout, &stderr) {
			return
		}
		if err := fl.check(); err != nil {
			checkOneLine(t, err)
			return
		}
		again, help, err := parseAppFlags(asArgs(fs.FlagSet), &stdout, &stderr)
		if err != nil || help || again != fl {
			t.Fatalf("%+v written back as %q parses as %+v (%v)", fl, asArgs(fs.FlagSet), again, err)
		}
	})
}
