//go:build !front && !cameraonly

package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
)

// savingsTable runs the default pipeline twice on every clip, looking at
// every frame and then skipping the networks on unchanged pictures, each
// judged leave-one-person-out by weights fitted on that mode's own
// observations (as `make fit` fits on what the app sees), and prints what
// the skip saves and what it does to each clip's figures.
func savingsTable(ctx context.Context, testdata string, ps evalPass, stdout io.Writer) error {
	var modes [2][]personRow
	var cases [2][]observedCase
	for i, every := range []bool{true, false} {
		mode := ps
		mode.analyseEvery = every
		var err error
		if cases[i], err = observeCases(ctx, testdata, mode, nil); err != nil {
			return err
		}
		models, err := leaveOneOut(ctx, cases[i])
		if err != nil {
			return err
		}
		modes[i] = judgePeople(ctx, cases[i], models)
	}
	fmt.Fprintln(stdout, "What skipping unchanged pictures does: each clip looked at in every frame, then with the skip (leave-one-person-out).")
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "clip\tframes analysed\tnetworks skipped\tupright-only: every frame → skip\twith sample: every frame → skip\tshipped weights: every frame → skip")
	for k, skip := range modes[1] {
		every := modes[0][k]
		oc := cases[1][k]
		line := fmt.Sprintf("%s\t%d\t%s\t%s", skip.upright.name, oc.looked, percentOf(oc.reused, oc.looked),
			change(every.upright, skip.upright))
		if skip.hasSample {
			line += "\t" + change(every.sampled, skip.sampled)
		} else {
			line += "\t-"
		}
		if skip.seenByShipped {
			line += "\t(fitted on)"
		} else {
			line += "\t" + change(every.shipped, skip.shipped)
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}

// change shows one clip's accuracy in two modes, marking a change that
// shows at the precision printed.
func change(before, after evalResult) string {
	if before.err != nil || after.err != nil {
		return "error"
	}
	b, a := fmt.Sprintf("%.1f%%", 100*before.accuracy()), fmt.Sprintf("%.1f%%", 100*after.accuracy())
	switch {
	case a == b:
		return b + " → " + a
	case after.accuracy() < before.accuracy():
		return b + " → " + a + " (lower)"
	default:
		return b + " → " + a + " (higher)"
	}
}

// percentOf is part of whole as a percentage.
func percentOf(part, whole int) string {
	if whole == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}
