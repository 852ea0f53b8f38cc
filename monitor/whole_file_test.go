package monitor

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestAFileWrittenWholeIsTheOldOrTheNewNeverHalf(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hunch.desktop")
	if err := os.WriteFile(path, []byte("the old entry\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFileWhole(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "half of the new")
		return errors.New("the disk filled up")
	})
	if err == nil || err.Error() != "the disk filled up" {
		t.Fatalf("err %v, want the write's own", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the old entry\n" {
		t.Fatalf("after a failed write the file is %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("a temporary file was left behind: %v", entries)
	}
	err = WriteFileWhole(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, "the new entry\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if b, _ := os.ReadFile(path); string(b) != "the new entry\n" || err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("after a write the file is %q, mode %v (%v)", b, info.Mode(), err)
	}
}
