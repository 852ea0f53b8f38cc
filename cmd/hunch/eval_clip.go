//go:build !front && !cameraonly

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// labelledFrame is one real frame of a clip with its truth.
type labelledFrame struct {
	path  string
	bad   bool
	moved bool // recorded after the camera was moved
	// sample marks the frames that may serve as the user's slouch sample:
	// they are never scored, in either mode, so both modes score the same frames.
	sample bool
	// skip marks a frame whose truth is in between (a generated transition):
	// neither fitted nor scored.
	skip bool
}

// evalFPS is the evaluation clips' frame rate, as the issue sets it.
const evalFPS = 5

// The clips' layout in frames: calibration, then the slouch sample (the
// first slouched frames), then the rest; and the sustained slouch's length.
const (
	calibFrames     = 6 * evalFPS
	sampleFrames    = 4 * evalFPS
	sustainedFrames = 45 * evalFPS
)

// clip lays out the case's frames from the testdata folder, marking the
// slouch sample (none when the camera moved before the slouch).
func (c evalCase) clip(testdata string) ([]labelledFrame, error) {
	build := c.buildClip
	if c.build != nil {
		build = c.build
	}
	clip, err := build(filepath.Join(testdata, c.dir))
	if err != nil || c.badMovedCamera || len(clip) < calibFrames+sampleFrames || !clip[calibFrames].bad {
		return clip, err
	}
	for i := calibFrames; i < calibFrames+sampleFrames; i++ {
		clip[i].sample = true
	}
	return clip, nil
}

// sustainedClip is the case's clip with a slouch held 45 s at the default
// onset: calibration and slouch sample as in clip, 4 s upright, then the
// remaining slouched frames in turn for 45 s, then 6 s upright. It returns
// the index where the long slouch starts; nil when the case has no slouch.
// Where a person has too few frames, theirs are shown again in turn.
func (c evalCase) sustainedClip(testdata string) ([]labelledFrame, int, error) {
	clip, err := c.clip(testdata)
	if err != nil || c.badMovedCamera || len(clip) < calibFrames+sampleFrames || !clip[calibFrames].sample {
		return nil, 0, err
	}
	var good, bad []labelledFrame
	for _, f := range clip[calibFrames+sampleFrames:] {
		if f.bad {
			bad = append(bad, f)
		} else {
			good = append(good, f)
		}
	}
	if len(bad) == 0 || len(good) == 0 {
		return nil, 0, fmt.Errorf("%s: too few frames for a sustained slouch", c.name)
	}
	out := append([]labelledFrame(nil), clip[:calibFrames+sampleFrames]...)
	out = append(out, cycle(good, 0, 4*evalFPS)...)
	start := len(out)
	out = append(out, cycle(bad, 0, sustainedFrames)...)
	return append(out, cycle(good, 4*evalFPS, 6*evalFPS)...), start, nil
}

// cycle is n frames of fs from the from-th on, starting over at the end.
func cycle(fs []labelledFrame, from, n int) []labelledFrame {
	out := make([]labelledFrame, n)
	for i := range out {
		out[i] = fs[(from+i)%len(fs)]
	}
	return out
}

// buildClip lays out a case's frames: 6 s of good frames to calibrate on, then
// 8 s of bad and 8 s of good frames in turn, in recording order.
func (c evalCase) buildClip(dir string) ([]labelledFrame, error) {
	good, err := expand(dir, "good", c.good, false, false)
	if err != nil {
		return nil, err
	}
	bad, err := expand(dir, "bad", c.bad, true, c.badMovedCamera)
	if err != nil {
		return nil, err
	}
	calib, chunk := 6*evalFPS, 8*evalFPS
	if len(good) < calib {
		return nil, fmt.Errorf("%s: %d good frames, need %d to calibrate", c.name, len(good), calib)
	}
	clip := append([]labelledFrame(nil), good[:calib]...)
	good = good[calib:]
	for len(bad) > 0 {
		n := min(chunk, len(bad))
		clip, bad = append(clip, bad[:n]...), bad[n:]
		n = min(chunk, len(good))
		clip, good = append(clip, good[:n]...), good[n:]
	}
	if len(c.bad) == 0 {
		clip = append(clip, good...)
	}
	return clip, nil
}

func expand(dir, label string, ranges []frameRange, bad, moved bool) ([]labelledFrame, error) {
	var out []labelledFrame
	for _, r := range ranges {
		for i := r.first; i <= r.last; i++ {
			p := filepath.Join(dir, label, fmt.Sprintf("%d.jpg", i))
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("frame %s is missing: %w", p, err)
			}
			out = append(out, labelledFrame{path: p, bad: bad, moved: moved})
		}
	}
	return out, nil
}

// sessionAClip makes webcam-session-a's clip: its 15 upright and 14 slouched
// frames were taken about 1.7 s apart, so each is held for three clip frames.
func sessionAClip(dir string) ([]labelledFrame, error) {
	list := func(label string) ([]string, error) {
		paths, err := filepath.Glob(filepath.Join(dir, label, "*.jpg"))
		sort.Slice(paths, func(i, j int) bool { return frameNumber(paths[i]) < frameNumber(paths[j]) })
		return paths, err
	}
	up, err := list("upright")
	if err != nil || len(up) < 12 {
		return nil, fmt.Errorf("webcam-session-a: too few upright frames in %s", dir)
	}
	down, _ := list("slouched")
	hold := func(paths []string, bad bool) []labelledFrame {
		var out []labelledFrame
		for _, p := range paths {
			for k := 0; k < 3; k++ {
				out = append(out, labelledFrame{path: p, bad: bad})
			}
		}
		return out
	}
	clip := hold(up[:10], false)
	clip = append(clip, hold(down[:7], true)...)
	clip = append(clip, hold(up[10:], false)...)
	return append(clip, hold(down[7:], true)...), nil
}

// frameNumber is the trailing number of a frame's name (sample-…-12.jpg → 12).
func frameNumber(path string) int {
	base := strings.TrimSuffix(filepath.Base(path), ".jpg")
	n := 0
	fmt.Sscan(base[strings.LastIndex(base, "-")+1:], &n)
	return n
}
