package vision

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"gocv.io/x/gocv"
)

// Why a camera cannot be used; errors from Open and Observe wrap one of
// these (errors.Is), with the camera's name and what to do.
var (
	// ErrNoCamera: no such device (never connected, or unplugged).
	ErrNoCamera = errors.New("no camera found")
	// ErrCameraBusy: the device exists but another program holds it.
	ErrCameraBusy = errors.New("camera in use by another program")
	// ErrCameraLost: the camera stopped delivering frames.
	ErrCameraLost = errors.New("camera stopped delivering frames")
)

// cameraFailures is how many failed reads in a row mean the camera is gone.
const cameraFailures = 10

// cameraWarmup is how many frames are dropped after opening a camera: the
// first ones are dark or green while its exposure settles, and would read as
// a covered lens.
const cameraWarmup = 5

// cameraSource reads the freshest frame of a camera at the sampling rate.
type cameraSource struct {
	cap     *gocv.VideoCapture
	meta    SourceInfo
	rate    float64
	started time.Time
	due     time.Time // when the next frame is due (rate > 0)
	last    time.Time // when the latest frame was read
}

// openCamera opens camera index with a one-frame buffer.
func openCamera(index int, rate float64) (*cameraSource, error) {
	name := fmt.Sprintf("camera %d", index)
	if _, err := os.Stat(fmt.Sprintf("/dev/video%d", index)); err != nil {
		return nil, fmt.Errorf("open %s: %w; connect one or pass --input FILE", name, ErrNoCamera)
	}
	cap, err := gocv.VideoCaptureDevice(index)
	if err != nil || !cap.IsOpened() {
		if cap != nil {
			cap.Close()
		}
		return nil, fmt.Errorf("open %s: %w (or not a capture device); close other apps using it, try another --camera, or pass --input FILE", name, ErrCameraBusy)
	}
	cap.Set(gocv.VideoCaptureBufferSize, 1)
	cap.Grab(cameraWarmup)
	now := time.Now()
	s := &cameraSource{cap: cap, rate: rate, started: now, due: now}
	s.meta = SourceInfo{Name: name, Live: true, FPS: cap.Get(gocv.VideoCaptureFPS)}
	return s, nil
}

func (s *cameraSource) info() SourceInfo { return s.meta }

func (s *cameraSource) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	if s.rate > 0 {
		if err := sleepCtx(ctx, time.Until(s.due)); err != nil {
			return 0, err
		}
		s.dropQueued()
	}
	for failures := 0; ; failures++ {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if s.cap.Read(dst) && !dst.Empty() {
			s.last = time.Now()
			if s.rate > 0 {
				// No catching up after a stall (a suspend): the next frame
				// is one period after this one at the earliest.
				s.due = later(s.due.Add(period(s.rate)), s.last)
			}
			return s.last.Sub(s.started), nil
		}
		if failures+1 >= cameraFailures {
			return 0, fmt.Errorf("read %s: %w (unplugged?); reconnect it and start again, or pass --input FILE", s.meta.Name, ErrCameraLost)
		}
		if err := sleepCtx(ctx, 100*time.Millisecond); err != nil {
			return 0, err
		}
	}
}

func (s *cameraSource) setRate(fps float64) {
	s.rate = fps
	if fps > 0 && !s.last.IsZero() {
		s.due = s.last.Add(period(fps))
	}
}

// period is the time between frames at fps frames a second.
func period(fps float64) time.Duration { return time.Duration(float64(time.Second) / fps) }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// dropQueued grabs and drops frames the driver has already buffered: a
// grab that returns at once was queued; one that waits is a fresh frame
// and the next read gets the one after it at worst one frame later.
func (s *cameraSource) dropQueued() {
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

func (s *cameraSource) Close() error { return s.cap.Close() }
