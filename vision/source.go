package vision

import (
	"context"
	"fmt"
	"math"
	"os"
	"strings"
	"time"

	"gocv.io/x/gocv"
)

// SourceInfo describes where frames come from. FrameCount, FPS and Duration
// are zero when unknown (a camera, or a container that does not say).
type SourceInfo struct {
	// Name names the source in messages: "camera 0" or "input clip.avi".
	Name string
	// Live is true for a camera.
	Live bool
	// FrameCount is the number of frames in a file.
	FrameCount int
	// FPS is the file's own frame rate, or the camera's nominal one.
	FPS float64
	// Duration is the length of a file.
	Duration time.Duration
}

// frameSource delivers sampled frames from a camera, a video file or an
// image-sequence pattern such as frames/%04d.jpg.
type frameSource interface {
	// next reads the next analysed frame into dst and returns its time:
	// input time for a file, time since opening for a camera. io.EOF ends a file.
	next(ctx context.Context, dst *gocv.Mat) (time.Duration, error)
	info() SourceInfo
	// setRate changes the analysed frames per second from the next frame
	// on; 0 takes every frame.
	setRate(fps float64)
	Close() error
}

// openSource opens the configured camera (when cfg.Input is empty) or file
// or pattern. cfg.FPS is analysed frames per second of input time, 0 for
// every frame.
func openSource(cfg Config) (frameSource, error) {
	if cfg.FPS < 0 || math.IsNaN(cfg.FPS) || math.IsInf(cfg.FPS, 0) {
		return nil, fmt.Errorf("frame rate %g: must be 0 (every frame) or more", cfg.FPS)
	}
	if cfg.Input == "" {
		return openLive(cfg)
	}
	return openRecording(cfg.Input, cfg.FPS, cfg.Realtime)
}

// openRecording opens a recording or a picture-sequence pattern. A
// Motion-JPEG AVI, which is what Hunch's own clips are, is read here in
// either build: each analysed frame found by the file's index and decoded
// by FFmpeg to the very pixels OpenCV's capture gives, the frames between
// never decoded. Anything else goes to OpenCV's videoio (openFile), which
// only the whole build has.
func openRecording(path string, rate float64, realtime bool) (frameSource, error) {
	if !strings.Contains(path, "%") {
		name := "input " + path
		st, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: no such file; check the path or pass --camera N", name)
		}
		if st.IsDir() {
			return nil, fmt.Errorf("open %s: is a directory; pass a video file or a pattern like %s/%%04d.jpg", name, path)
		}
		if s, err := openClip(path, rate, realtime); err == nil {
			return s, nil
		}
	}
	f, err := openFile(path, rate, realtime)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
