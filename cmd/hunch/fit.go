//go:build !front && !cameraonly

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

func init() {
	runners["fit"] = runFit
}

// runFit fits the embedded model on the frames whose licence lets us ship
// what is made from them: webcam-session-a (MIT) and the clips generated from
// gocv's face.jpg and from one session-a frame. The other people in
// ../shared carry no licence, so they only ever measure (hunch eval).
func runFit(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newCommandFlags("fit", "fit [--shared DIR] [--out FILE]", "hunch fit --shared ../shared --out monitor/model.json")
	shared := fs.String("shared", defaultShared(), "the shared `folder` with testdata/")
	out := fs.String("out", filepath.Join("monitor", "model.json"), "where to write the weights (`file`)")
	if help, err := fs.parse(args, stdout, stderr); help || err != nil {
		return err
	}
	testdata, err := testdataDir(*shared)
	if err != nil {
		return err
	}
	cases, err := observeCases(ctx, testdata, evalPass{view: "as recorded", detector: vision.DetectorBlazeFace, segEvery: defaultSegmentEvery},
		func(c evalCase) bool { return c.redistributable })
	if err != nil {
		return err
	}
	var names []string
	for _, oc := range cases {
		names = append(names, oc.name)
	}
	ex, err := allExamples(ctx, cases)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("fitted by 'hunch fit' on %d frames of: %s (licences allow shipping what is made from them)", len(ex), strings.Join(names, ", "))
	m, err := monitor.FitJudgement(ex, note)
	if err != nil {
		return err
	}
	if err := writeModel(*out, m); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %s\n", *out, note)
	return nil
}

// writeModel writes m as indented JSON, atomically.
func writeModel(path string, m monitor.Model) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
