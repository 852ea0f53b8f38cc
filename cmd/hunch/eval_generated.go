//go:build !front && !cameraonly

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// generatedScript is a generated person's clip: calibration, then each kind
// of slouch vision/clips makes (a zoom about the face, a sink, a hunch, the
// head on one side, the head sunk onto the shoulders) and
// an upright turn aside, with upright stretches between. Its truth is known
// by construction; its slouches are the generator's, so the fit learns from
// them what the real people we may ship weights from never show (a lean in
// of moderate size), and the figures that count stay those of real people.
var generatedScript = []clips.Segment{
	{Kind: clips.Upright, Seconds: 6},
	{Kind: clips.LeaningIn, Seconds: 8}, {Kind: clips.Upright, Seconds: 8},
	{Kind: clips.Slumped, Seconds: 8}, {Kind: clips.Upright, Seconds: 8},
	{Kind: clips.Hunched, Seconds: 8}, {Kind: clips.Upright, Seconds: 8},
	{Kind: clips.HeadOnSide, Seconds: 8}, {Kind: clips.Upright, Seconds: 8},
	{Kind: clips.HeadForward, Seconds: 8}, {Kind: clips.Upright, Seconds: 8},
	{Kind: clips.TurnAside, Seconds: 8}, {Kind: clips.Upright, Seconds: 4},
}

// generatedFrom ends the person name of a clip generated from a person's
// frame: fitted apart from their real frames, left out with them.
const generatedFrom = "/generated"

// generatedBase is a real upright frame that clips are generated from, and
// whose person it shows (leave-one-person-out leaves it out with them);
// redistributable when its licence lets the shipped weights be fitted on it.
type generatedBase struct {
	name, person, path string
	redistributable    bool
}

// generatedBases are the frames we may build shipped weights from: gocv's
// face.jpg (Apache-2.0) and webcam-session-a's first upright frame (MIT).
func generatedBases(testdata string) ([]generatedBase, error) {
	face, err := vision.FaceImagePath()
	if err != nil {
		return nil, err
	}
	ups, err := filepath.Glob(filepath.Join(testdata, "webcam-session-a", "upright", "*.jpg"))
	if err != nil || len(ups) == 0 {
		return nil, fmt.Errorf("no upright frames in %s", filepath.Join(testdata, "webcam-session-a"))
	}
	sort.Slice(ups, func(i, j int) bool { return frameNumber(ups[i]) < frameNumber(ups[j]) })
	return []generatedBase{
		{name: "generated face.jpg", person: "face.jpg", path: face, redistributable: true},
		{name: "generated session-a", person: "session-a" + generatedFrom, path: ups[0], redistributable: true},
	}, nil
}

// observeGenerated generates the base's clip and observes it with the real
// pipeline. Frames in a transition between segments are marked skip.
func observeGenerated(ctx context.Context, g generatedBase, ps evalPass) observedCase {
	oc := observedCase{evalCase: evalCase{name: g.name, person: g.person, generated: true, redistributable: g.redistributable, note: "generated from one real frame (vision/clips)"}}
	dir, err := os.MkdirTemp("", "hunch-eval-")
	if err != nil {
		oc.err = err
		return oc
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "generated.avi")
	truth, err := clips.Generate(path, g.path, evalFPS, generatedScript, clips.Options{Jitter: 1, Noise: 2, Seed: 1})
	if err != nil {
		oc.err = err
		return oc
	}
	for _, t := range truth {
		oc.clip = append(oc.clip, labelledFrame{path: g.path, bad: t.Posture == clips.PostureSlouched, skip: t.Transition})
	}
	oc.obs, oc.looked, oc.reused, oc.err = observeVideo(ctx, path, ps)
	return oc
}

// unseenBases are one upright frame of each real person the shipped weights
// were not fitted on (the first frame of their first clip), for clips that
// measure how the generator's slouches of people never fitted on are judged.
// Their clips are never fitted on, by any weights.
func unseenBases(testdata string) ([]generatedBase, error) {
	var out []generatedBase
	seen := map[string]bool{}
	for _, c := range peopleCases {
		if c.redistributable || seen[c.person] {
			continue
		}
		seen[c.person] = true
		clip, err := c.clip(testdata)
		if err != nil {
			return nil, err
		}
		if len(clip) == 0 || clip[0].bad {
			continue
		}
		out = append(out, generatedBase{name: "generated " + c.person, person: c.person + generatedFrom, path: clip[0].path})
	}
	return out, nil
}

// judgeGeneratedUnseen generates a clip from each of unseenBases and judges
// it by the weights fitted without that person and by the shipped weights.
func judgeGeneratedUnseen(ctx context.Context, testdata string, ps evalPass, models map[string]monitor.Model) ([]personRow, error) {
	bases, err := unseenBases(testdata)
	if err != nil {
		return nil, err
	}
	var cases []observedCase
	for _, g := range bases {
		cases = append(cases, observeGenerated(ctx, g, ps))
	}
	return judgePeople(ctx, cases, models), nil
}
