// Command benchclip writes the clip 'make bench-process' measures on: a
// realistic stretch of desk work made from the embedded real webcam frame
// (long upright stretches, glances, a lean, a slump, a minute away), at
// 5 frames a second, 640x480.
//
//	go run ./scripts/benchclip OUT.avi SECONDS
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// day is one cycle of the clip, repeated to the length asked for.
var day = []clips.Segment{
	{Kind: clips.Upright, Seconds: 60}, {Kind: clips.Glance, Seconds: 6}, {Kind: clips.Upright, Seconds: 40},
	{Kind: clips.LeaningIn, Seconds: 40}, {Kind: clips.Upright, Seconds: 50}, {Kind: clips.Slumped, Seconds: 30},
	{Kind: clips.Upright, Seconds: 30}, {Kind: clips.Away, Seconds: 60},
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "benchclip: usage: go run ./scripts/benchclip OUT.avi SECONDS")
		os.Exit(2)
	}
	secs, err := strconv.ParseFloat(os.Args[2], 64)
	if err != nil || secs <= 0 {
		fmt.Fprintf(os.Stderr, "benchclip: %q is not a length in seconds\n", os.Args[2])
		os.Exit(2)
	}
	var script []clips.Segment
	for left := secs; left > 0; {
		for _, s := range day {
			if left <= 0 {
				break
			}
			s.Seconds = min(s.Seconds, left)
			script, left = append(script, s), left-s.Seconds
		}
	}
	face, err := vision.FaceImagePath()
	if err == nil {
		_, err = clips.Generate(os.Args[1], face, 5, script, clips.Options{Jitter: 0.5, Noise: 2, Lighting: 0.1, Seed: 1})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchclip:", err)
		os.Exit(1)
	}
}
