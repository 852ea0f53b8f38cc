//go:build cameraonly

package main

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/hunch-posture/hunch/vision"
)

// The camera-only build, hunch-camera: it watches cameras read through
// V4L2 and links neither OpenCV's videoio nor its imgcodecs (50 MB of
// libraries). The front sends it the commands that watch a camera or read
// a recording; it reads Motion-JPEG AVI clips itself (vision/ffmpeg), and
// hands eval and fit, other recordings, the demo and a camera only OpenCV's
// capture reads on to the whole build, hunch-watch, in place of this
// process.

func init() {
	handOver = func(name string, args []string, err error) error {
		if !errors.Is(err, vision.ErrNotInThisBuild) {
			return err
		}
		return runInstead(watchBinary, append([]string{name}, args...))
	}
}

// elsewhere runs the commands this build leaves out (eval, fit) in the
// whole build.
func elsewhere(_ context.Context, _ []string, _, _ io.Writer) error {
	return runInstead(watchBinary, os.Args[1:])
}
