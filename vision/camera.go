package vision

import (
	"context"
	"fmt"
	"os"
	"time"

	"gocv.io/x/gocv"
)

// cameraFailures is how many failed reads in a row mean the camera is gone.
const cameraFailures = 10

// cameraSource reads the freshest frame of a camera at the sampling rate.
type cameraSource struct {
	cap     *gocv.VideoCapture
	meta    SourceInfo
	rate    float64
	started time.Time
	count   int
}

// openCamera opens camera index with a one-frame buffer.
func openCamera(index int, rate float64) (*cameraSource, error) {
	name := fmt.Sprintf("camera %d", index)
	if _, err := os.Stat(fmt.Sprintf("/dev/video%d", index)); err != nil {
		return nil, fmt.Errorf("open %s: no camera found; connect one or pass --input FILE", name)
	}
	cap, err := gocv.VideoCaptureDevice(index)
	if err != nil || !cap.IsOpened() {
		if cap != nil {
			cap.Close()
		}
		return nil, fmt.Errorf("open %s: it is busy or not a capture device; close other apps using it, try another --camera, or pass --input FILE", name)
	}
	cap.Set(gocv.VideoCaptureBufferSize, 1)
	s := &cameraSource{cap: cap, rate: rate, started: time.Now()}
	s.meta = SourceInfo{Name: name, Live: true, FPS: cap.Get(gocv.VideoCaptureFPS)}
	return s, nil
}

func (s *cameraSource) info() SourceInfo { return s.meta }

func (s *cameraSource) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	if s.rate > 0 {
		due := s.started.Add(time.Duration(float64(s.count) / s.rate * float64(time.Second)))
		if err := sleepCtx(ctx, time.Until(due)); err != nil {
			return 0, err
		}
		s.dropQueued()
	}
	for failures := 0; ; failures++ {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if s.cap.Read(dst) && !dst.Empty() {
			s.count++
			return time.Since(s.started), nil
		}
		if failures+1 >= cameraFailures {
			return 0, fmt.Errorf("read %s: it stopped delivering frames (unplugged?); reconnect it and start again, or pass --input FILE", s.meta.Name)
		}
		if err := sleepCtx(ctx, 100*time.Millisecond); err != nil {
			return 0, err
		}
	}
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
