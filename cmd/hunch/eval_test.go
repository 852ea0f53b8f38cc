package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir is ../shared from the repository root, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "testdata", "webcam-people-b", "people.csv")); err != nil {
		t.Skipf("the labelled real frames are not here (%s): this test runs only beside ../shared", dir)
	}
	return dir
}

func TestEvalPrintsATablePerPerson(t *testing.T) {
	shared := sharedDir(t)
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"eval", "--shared", shared, "--compare=false"}, &out, &errOut); code != 0 {
		t.Fatalf("eval exited %d: %s", code, errOut.String())
	}
	for _, want := range []string{"p1", "p2", "p3 A", "session-a", "right"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %q:\n%s", want, out.String())
		}
	}
}
