//go:build !front && !cameraonly

package main

import "testing"

// The savings table marks a clip whose figure moved at the precision it
// prints, and only those.
func TestTheSavingsTableMarksWhatMoved(t *testing.T) {
	r := func(right, frames int) evalResult { return evalResult{right: right, frames: frames} }
	for _, c := range []struct {
		before, after evalResult
		want          string
	}{
		{r(95, 100), r(95, 100), "95.0% → 95.0%"},
		{r(956, 1000), r(963, 1000), "95.6% → 96.3% (higher)"},
		{r(963, 1000), r(956, 1000), "96.3% → 95.6% (lower)"},
		{r(10000, 10000), r(99999, 100000), "100.0% → 100.0%"}, // not shown, not marked
	} {
		if got := change(c.before, c.after); got != c.want {
			t.Errorf("change(%d/%d, %d/%d) = %q, want %q", c.before.right, c.before.frames, c.after.right, c.after.frames, got, c.want)
		}
	}
	if got := percentOf(87, 100); got != "87%" {
		t.Errorf("percentOf(87, 100) = %q", got)
	}
	if got := percentOf(0, 0); got != "-" {
		t.Errorf("percentOf(0, 0) = %q, want -", got)
	}
}
