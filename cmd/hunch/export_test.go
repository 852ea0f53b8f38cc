//go:build !front

package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportToAFile(t *testing.T) {
	fixNow(t)
	dir := historyDir(t)
	out := filepath.Join(t.TempDir(), "week.json")
	_, errOut, code := runCmd(t, "export", "--from", "2026-05-01", "--to", "today", "--format", "json", "--out", out, "--data-dir", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var x struct {
		Days    []any `json:"days"`
		Minutes []any `json:"minutes"`
		Events  []any `json:"events"`
	}
	// 4 and 5 May: the days of May before the history began are left out.
	if err := json.Unmarshal(b, &x); err != nil || len(x.Days) != 2 || len(x.Minutes) != 50 || len(x.Events) != 1 {
		t.Fatalf("export: %v, %d days, %d minutes, %d events", err, len(x.Days), len(x.Minutes), len(x.Events))
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("export file mode %v, want 0600", fi.Mode().Perm())
	}
	csvOut, _, code := runCmd(t, "export", "--from", "2026-05-04", "--to", "2026-05-04", "--data-dir", dir)
	if code != 0 || len(strings.Split(strings.TrimSpace(csvOut), "\n")) != 1+50+1 {
		t.Fatalf("csv export: %s", csvOut)
	}
}

func TestExportNeverLeavesAHalfWrittenFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	os.WriteFile(path, []byte("the old export\n"), 0o600)
	err := writeFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "half of the new one")
		return errors.New("interrupted")
	})
	if err == nil {
		t.Fatal("want the write's error")
	}
	if b, _ := os.ReadFile(path); string(b) != "the old export\n" {
		t.Fatalf("file is now %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}

func TestExportUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--from", "2026-05-04", "--format", "xml"}, {"--from", "2026-05-04", "--to", "2026-05-01"}} {
		_, errOut, code := runCmd(t, append([]string{"export"}, args...)...)
		if code != 2 || !strings.Contains(errOut, "Usage: hunch export") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}
