package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/vision"
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

// TestRealPeopleAreJudgedRight holds Hunch to the acceptance figures on the
// labelled recordings of five real people.
func TestRealPeopleAreJudgedRight(t *testing.T) {
	shared := sharedDir(t)
	ps := evalPass{view: "as recorded", detector: vision.DetectorBlazeFace, segEvery: defaultSegmentEvery}
	results, err := evaluatePeople(context.Background(), shared, ps)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		t.Log(r.row(ps))
		if r.err != nil {
			t.Errorf("%s: %v", r.name, r.err)
			continue
		}
		moved := r.movedAt >= 0
		switch {
		case moved:
			if r.setupChangedAt < 0 || r.setupChangedAt-r.movedAt > 10*time.Second {
				t.Errorf("%s: the moved camera was not reported within 10 s", r.name)
			}
		case r.badSegments == 0: // good frames only
			slouched := float64(r.confusion[0][1]) / float64(r.frames)
			if r.falseAlerts > 0 || slouched >= 0.03 {
				t.Errorf("%s: %d alerts and %.1f%% slouched frames while sitting well, want none and under 3%%", r.name, r.falseAlerts, 100*slouched)
			}
		default:
			if r.accuracy() < 0.95 || r.caught != r.badSegments || r.falseAlerts > 0 {
				t.Errorf("%s: %.1f%% right, %d of %d slouches alerted once, %d false alerts; want at least 95%%, all, none",
					r.name, 100*r.accuracy(), r.caught, r.badSegments, r.falseAlerts)
			}
		}
		if !moved && r.setupChangedAt >= 0 {
			t.Errorf("%s: a camera move was reported at %v, but the camera did not move", r.name, r.setupChangedAt)
		}
	}
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
