//go:build !front

package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

// defaultSegmentEvery is the pipeline's own default (vision.DefaultConfig).
var defaultSegmentEvery = vision.DefaultConfig().SegmentEvery

// sourceFlags are the flags that choose and tune what Hunch watches.
type sourceFlags struct {
	input        string
	camera       int
	fps          float64
	realtime     bool
	detector     string
	segmentEvery int
	debugFrames  string
}

func (s *sourceFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.input, "input", "", "a video `file` or image-sequence pattern (frames/%04d.jpg) to analyse")
	fs.IntVar(&s.camera, "camera", -1, "the camera `index` to watch (0 is the first)")
	fs.Float64Var(&s.fps, "fps", monitor.DefaultRate, "analysed frames per second of input time (0: every frame)")
	fs.BoolVar(&s.realtime, "realtime", false, "read a file at its own frame rate, as a camera delivers it")
	fs.StringVar(&s.detector, "detector", "blazeface", "face detector: blazeface or cascade")
	fs.StringVar(&s.debugFrames, "debug-frames", "", "write every analysed frame, with what was seen drawn on it, to this `folder` (nothing is written otherwise)")
	fs.IntVar(&s.segmentEvery, "segment-every", defaultSegmentEvery, "refresh person segmentation at least every N analysed frames, and when the face moves (0: off)")
}

// config checks the flags, which must name a source, and turns them into
// the vision pipeline's config.
func (s *sourceFlags) config() (vision.Config, error) {
	if s.input == "" && s.camera < 0 {
		return vision.Config{}, errors.New("nothing to watch: give --input FILE (a recording) or --camera N (0 is the first camera)")
	}
	if err := s.check(); err != nil {
		return vision.Config{}, err
	}
	return vision.Config{Camera: s.camera, Input: s.input, FPS: s.fps, Realtime: s.realtime,
		Detector: s.detector, SegmentEvery: s.segmentEvery, DebugFrames: s.debugFrames}, nil
}

// check refuses values out of range, and two sources at once.
func (s *sourceFlags) check() error {
	switch {
	case s.input != "" && s.camera >= 0:
		return errors.New("give either --input FILE or --camera N, not both")
	case !(s.fps >= 0 && s.fps <= 120): // NaN too
		return fmt.Errorf("--fps %g is out of range: use 0 (every frame) up to 120", s.fps)
	case s.detector != "blazeface" && s.detector != "cascade":
		return fmt.Errorf("unknown --detector %q: use blazeface or cascade", s.detector)
	case s.segmentEvery < 0:
		return fmt.Errorf("--segment-every %d: use 0 (off) or a positive number of frames", s.segmentEvery)
	}
	return nil
}

// name says what is being watched, for messages and profiles.
func (s *sourceFlags) name() string {
	if s.input != "" {
		return s.input
	}
	return fmt.Sprintf("camera %d", s.camera)
}
