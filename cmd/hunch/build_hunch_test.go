//go:build !front

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// frontProgram is the name of the front make build makes, the program a
// user starts.
const frontProgram = "hunch"

// hunchPrograms are the programs make build makes, by name.
var hunchPrograms = []string{frontProgram, watchBinary, cameraBinary}

// built holds the programs as make build makes them, built once for every
// test that needs them (linking the three takes about 12 s); each test gets
// its own copies, which it may replace with stand-ins.
var built struct {
	once sync.Once
	dir  string
	err  error
}

// TestMain removes the programs built for the tests once they have run.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildHunch puts the real programs into dir, as make build makes them: the
// whole of Hunch as hunch-watch and the part that watches a camera as
// hunch-camera, each linked against only the OpenCV modules it calls
// (scripts/build-watch.sh), and their front as hunch, which it returns.
func buildHunch(t *testing.T, dir string) string {
	t.Helper()
	built.once.Do(func() { built.dir, built.err = buildPrograms() })
	if built.err != nil {
		t.Fatal(built.err)
	}
	for _, name := range hunchPrograms {
		if err := copyProgram(filepath.Join(built.dir, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, frontProgram)
}

// buildPrograms builds the three programs into a folder of their own.
func buildPrograms() (string, error) {
	dir, err := os.MkdirTemp("", "hunch-programs-")
	if err != nil {
		return "", err
	}
	for _, cmd := range []*exec.Cmd{
		exec.Command(filepath.Join("..", "..", "scripts", "build-watch.sh"), filepath.Join(dir, watchBinary)),
		exec.Command(filepath.Join("..", "..", "scripts", "build-watch.sh"), filepath.Join(dir, cameraBinary), "--camera-only"),
		exec.Command("go", "build", "-tags", "front", "-o", filepath.Join(dir, frontProgram), "."),
	} {
		if out, err := cmd.CombinedOutput(); err != nil {
			return dir, fmt.Errorf("%v: %v\n%s", cmd.Args, err, out)
		}
	}
	return dir, nil
}

// copyProgram copies the program at from to a new executable file at to.
func copyProgram(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
