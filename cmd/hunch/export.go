package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

func init() {
	runners["export"] = runExport
}

// exportFlags are export's options.
type exportFlags struct {
	from, to, format, out, dataDir string
}

// flagSet is export's flag set, filling f.
func (f *exportFlags) flagSet() *commandFlags {
	fs := newCommandFlags("export", "export --from DATE --to DATE [--format csv|json] [--out FILE] [--data-dir DIR]",
		"hunch export --from 2026-11-01 --to 2026-11-30 --format csv --out posture.csv")
	fs.StringVar(&f.from, "from", "", "first day: YYYY-MM-DD, today or yesterday (required)")
	fs.StringVar(&f.to, "to", "today", "last day, included: YYYY-MM-DD, today or yesterday")
	fs.StringVar(&f.format, "format", "csv", "csv (one row per minute, day summary or event) or json")
	fs.StringVar(&f.out, "out", "", "write to `FILE` (replaced whole, never half-written, private to you) instead of stdout")
	fs.StringVar(&f.dataDir, "data-dir", "", "where the history lives (default: the user's data directory)")
	return fs
}

// parseExportFlags reads export's command line and the days it asks for,
// relative to now; help is true when --help was asked for and printed.
func parseExportFlags(args []string, now time.Time, stdout, stderr io.Writer) (f exportFlags, first, last time.Time, help bool, err error) {
	fs := f.flagSet()
	if help, err = fs.parse(args, stdout, stderr); help || err != nil {
		return f, first, last, help, err
	}
	switch {
	case f.from == "":
		err = fs.fail(stderr, "--from is required")
	case f.format != "csv" && f.format != "json":
		err = fs.fail(stderr, "--format %q: want csv or json", f.format)
	}
	if err != nil {
		return f, first, last, false, err
	}
	if first, err = history.ParseDay(f.from, now, time.Local); err != nil {
		return f, first, last, false, fs.fail(stderr, "--from: %v", err)
	}
	if last, err = history.ParseDay(f.to, now, time.Local); err != nil {
		return f, first, last, false, fs.fail(stderr, "--to: %v", err)
	}
	if last.Before(first) {
		return f, first, last, false, fs.fail(stderr, "--to %s is before --from %s", f.to, f.from)
	}
	return f, first, last, false, nil
}

// runExport writes the history of a range of days to stdout or to a file.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	f, first, last, help, err := parseExportFlags(args, reportNow(), stdout, stderr)
	if help || err != nil {
		return err
	}
	dir, err := dataDirOr(f.dataDir)
	if err != nil {
		return err
	}
	s, err := history.Open(ctx, dir, history.Options{ReadOnly: true, Now: reportNow})
	if err != nil {
		return err
	}
	defer s.Close()
	x, err := s.Export(ctx, first, last)
	if err != nil {
		return err
	}
	write := x.WriteCSV
	if f.format == "json" {
		write = x.WriteJSON
	}
	if f.out == "" {
		return write(stdout)
	}
	return writeFileAtomic(f.out, write)
}

// writeFileAtomic writes a private (0600) file whole (monitor.WriteFileWhole):
// a reader sees the old file or the new one, never half of one.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	if err := monitor.WriteFileWhole(path, 0o600, write); err != nil {
		return fmt.Errorf("cannot write %s: %w; choose another --out", path, err)
	}
	return nil
}
