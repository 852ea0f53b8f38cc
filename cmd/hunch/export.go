package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/hunch-posture/hunch/monitor/history"
)

func init() {
	commands["export"] = command{summary: "export the history of some days as CSV or JSON", run: runExport}
}

// runExport writes the history of a range of days to stdout or to a file.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export --from DATE --to DATE [--format csv|json] [--out FILE] [--data-dir DIR]", stderr)
	from := fs.String("from", "", "first day: YYYY-MM-DD, today or yesterday (required)")
	to := fs.String("to", "today", "last day, included: YYYY-MM-DD, today or yesterday")
	format := fs.String("format", "csv", "csv (one row per minute, day summary or event) or json")
	out := fs.String("out", "", "write to FILE (replaced whole, never half-written) instead of stdout")
	dataDir := fs.String("data-dir", "", "where the history lives (default: the user's data directory)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	usage := func(format string, a ...any) error {
		fmt.Fprintf(stderr, "hunch export: "+format+"\n", a...)
		fs.Usage()
		return errUsage
	}
	if *from == "" {
		return usage("--from is required")
	}
	if *format != "csv" && *format != "json" {
		return usage("--format %q: want csv or json", *format)
	}
	now := reportNow()
	first, err := history.ParseDay(*from, now, time.Local)
	if err != nil {
		return usage("--from: %v", err)
	}
	last, err := history.ParseDay(*to, now, time.Local)
	if err != nil {
		return usage("--to: %v", err)
	}
	if last.Before(first) {
		return usage("--to %s is before --from %s", *to, *from)
	}
	dir, err := dataDirOr(*dataDir)
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
	if *format == "json" {
		write = x.WriteJSON
	}
	if *out == "" {
		return write(stdout)
	}
	return writeFileAtomic(*out, write)
}

// writeFileAtomic writes a private (0600) file through a temporary file in the
// same directory, renamed over path once complete: a reader sees the old file
// or the new one, never half of one.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w; choose another --out", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
