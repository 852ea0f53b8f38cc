package vision

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
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

// openCamera opens camera index: through V4L2 directly where the system
// has it and the camera sends YUYV or Motion-JPEG (camera_v4l2.go), else
// through OpenCV's capture (camera_opencv.go).
func openCamera(index int, rate float64) (frameSource, error) {
	name := fmt.Sprintf("camera %d", index)
	if _, err := os.Stat(fmt.Sprintf("/dev/video%d", index)); err != nil {
		return nil, fmt.Errorf("open %s: %w; connect one or pass --input FILE", name, ErrNoCamera)
	}
	src, err := openDirectCamera(index, name, rate)
	if !errors.Is(err, errNotDirect) {
		return src, err
	}
	src, cvErr := openOpenCVCamera(index, name, rate)
	if cvErr != nil {
		// Both readers failed: say why the direct one did too, which
		// names the device's picture formats or what it is.
		return nil, fmt.Errorf("%w (%v)", cvErr, err)
	}
	return src, nil
}

// errNotDirect: the camera cannot be read directly; OpenCV may read it.
var errNotDirect = errors.New("not read directly")

// cameraPace spaces a camera's reads at the sampling rate and times them.
type cameraPace struct {
	rate    float64
	started time.Time
	due     time.Time // when the next frame is due (rate > 0)
	last    time.Time // when the latest frame was read
}

func newCameraPace(rate float64) cameraPace {
	now := time.Now()
	return cameraPace{rate: rate, started: now, due: now}
}

// wait sleeps until the next frame is due.
func (p *cameraPace) wait(ctx context.Context) error {
	if p.rate <= 0 {
		return nil
	}
	return sleepCtx(ctx, time.Until(p.due))
}

// read notes a frame read now and says when it was taken, from the start.
func (p *cameraPace) read() time.Duration {
	p.last = time.Now()
	if p.rate > 0 {
		// No catching up after a stall (a suspend): the next frame is one
		// period after this one at the earliest.
		p.due = later(p.due.Add(period(p.rate)), p.last)
	}
	return p.last.Sub(p.started)
}

func (p *cameraPace) setRate(fps float64) {
	p.rate = fps
	if fps > 0 && !p.last.IsZero() {
		p.due = p.last.Add(period(fps))
	}
}

// readCamera calls read until it gives a frame, up to cameraFailures times
// 100 ms apart, then says the camera named name is lost.
func readCamera(ctx context.Context, name string, read func() error) error {
	for failures := 0; ; failures++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := read()
		if err == nil {
			return nil
		}
		if failures+1 >= cameraFailures {
			return fmt.Errorf("read %s: %w (unplugged? %v); reconnect it and start again, or pass --input FILE", name, ErrCameraLost, err)
		}
		if err := sleepCtx(ctx, 100*time.Millisecond); err != nil {
			return err
		}
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
