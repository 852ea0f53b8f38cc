//go:build !cameraonly

package vision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gocv.io/x/gocv"
)

// openCVCamera reads the freshest frame of a camera through OpenCV's
// capture, at the sampling rate: for cameras V4L2 cannot be read directly
// (other systems, other picture formats).
type openCVCamera struct {
	cap  *gocv.VideoCapture
	meta SourceInfo
	pace cameraPace
}

// openOpenCVCamera opens camera index with a one-frame buffer.
func openOpenCVCamera(index int, name string, rate float64) (frameSource, error) {
	cap, err := gocv.VideoCaptureDevice(index)
	if err != nil || !cap.IsOpened() {
		if cap != nil {
			cap.Close()
		}
		return nil, fmt.Errorf("open %s: %w (or not a capture device); close other apps using it, try another --camera, or pass --input FILE", name, ErrCameraBusy)
	}
	cap.Set(gocv.VideoCaptureBufferSize, 1)
	cap.Grab(cameraWarmup)
	s := &openCVCamera{cap: cap, pace: newCameraPace(rate)}
	s.meta = SourceInfo{Name: name, Live: true, FPS: cap.Get(gocv.VideoCaptureFPS)}
	return s, nil
}

func (s *openCVCamera) info() SourceInfo { return s.meta }

func (s *openCVCamera) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	if err := s.pace.wait(ctx); err != nil {
		return 0, err
	}
	if s.pace.rate > 0 {
		s.dropQueued()
	}
	err := readCamera(ctx, s.meta.Name, func() error {
		if s.cap.Read(dst) && !dst.Empty() {
			return nil
		}
		return errors.New("no picture")
	})
	if err != nil {
		return 0, err
	}
	return s.pace.read(), nil
}

func (s *openCVCamera) setRate(fps float64) { s.pace.setRate(fps) }

// dropQueued grabs and drops frames the driver has already buffered: a
// grab that returns at once was queued; one that waits is a fresh frame
// and the next read gets the one after it at worst one frame later.
func (s *openCVCamera) dropQueued() {
	period := 33 * time.Millisecond
	if s.meta.FPS > 0 {
		period = time.Duration(float64(time.Second) / s.meta.FPS)
	}
	for i := 0; i < 4; i++ {
		t := time.Now()
		s.cap.Grab(1)
		if time.Since(t) > period/2 {
			return
		}
	}
}

func (s *openCVCamera) Close() error { return s.cap.Close() }
