package monitor

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
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

// TestAFolderIsNotWrittenOver: asked to write where a folder is, nothing is
// written, inside it or beside it, and the error says it is a folder.
func TestAFolderIsNotWrittenOver(t *testing.T) {
	parent := t.TempDir()
	folder := filepath.Join(parent, "profiles")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	wrote := false
	err := WriteFileWhole(folder, 0o600, func(w io.Writer) error { wrote = true; return nil })
	if err == nil || !strings.Contains(err.Error(), "is a folder") || wrote {
		t.Errorf("writing over a folder: %v (written: %v)", err, wrote)
	}
	for _, dir := range []string{parent, folder} {
		if entries, _ := os.ReadDir(dir); (dir == parent && len(entries) != 1) || (dir == folder && len(entries) != 0) {
			t.Errorf("%s holds %v after the refusal", dir, entries)
		}
	}
}
