//go:build linux

package vision

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision/v4l2"
)

// The picture a camera read directly is asked for: the size OpenCV's
// capture opens a webcam at, and a rate at which a fresh frame is at most
// 67 ms away without pushing the camera to its fastest (in a dim room a
// slower rate leaves it longer exposures).
const (
	directWidth  = 640
	directHeight = 480
	directRate   = 15
)

// directFrames is a camera read directly: a v4l2.Camera, or a stand-in in
// tests.
type directFrames interface {
	Read(bgr []byte) ([]byte, error)
	ReadFresh(bgr []byte) ([]byte, error)
	Size() (width, height int)
	Rate() float64
	Close() error
}

// directCamera reads a camera through V4L2 itself, without OpenCV's
// capture: a fresh frame each time one is due.
type directCamera struct {
	cam  directFrames
	bgr  []byte
	meta SourceInfo
	pace cameraPace
}

// openDirectCamera opens camera index through V4L2. A camera another
// program holds is ErrCameraBusy; any other failure (a picture format not
// read here, a node that is no camera) is errNotDirect, and OpenCV's
// capture gets to try it.
func openDirectCamera(index int, name string, rate float64) (frameSource, error) {
	cam, err := v4l2.Open(fmt.Sprintf("/dev/video%d", index), directWidth, directHeight, directRate)
	switch {
	case errors.Is(err, syscall.EBUSY):
		return nil, fmt.Errorf("open %s: %w; close other apps using it, try another --camera, or pass --input FILE", name, ErrCameraBusy)
	case err != nil:
		return nil, fmt.Errorf("%w: %v", errNotDirect, err)
	}
	s, err := newDirectCamera(cam, name, rate)
	if err != nil {
		return nil, err // not a nil *directCamera in a frameSource
	}
	return s, nil
}

// newDirectCamera drops the camera's first frames, dark or green while its
// exposure settles, and starts pacing its reads at rate. A camera that gives
// none is busy.
func newDirectCamera(cam directFrames, name string, rate float64) (*directCamera, error) {
	s := &directCamera{cam: cam, meta: SourceInfo{Name: name, Live: true, FPS: cam.Rate()}}
	for i := 0; i < cameraWarmup; i++ {
		var err error
		if s.bgr, err = cam.Read(s.bgr); err != nil {
			cam.Close()
			// As for a camera whose first read fails (live.go): another
			// program may hold it, so it is waited for.
			return nil, fmt.Errorf("open %s: it opens but gives no picture (%v): %w; close other apps using it, try another --camera, or pass --input FILE", name, err, ErrCameraBusy)
		}
	}
	s.pace = newCameraPace(rate)
	return s, nil
}

func (s *directCamera) info() SourceInfo { return s.meta }

func (s *directCamera) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	if err := s.pace.wait(ctx); err != nil {
		return 0, err
	}
	err := readCamera(ctx, s.meta.Name, func() (err error) {
		s.bgr, err = s.cam.ReadFresh(s.bgr)
		return err
	})
	if err != nil {
		return 0, err
	}
	w, h := s.cam.Size()
	if err := bgrIntoMat(s.bgr, w, h, dst); err != nil {
		return 0, fmt.Errorf("read %s: %w", s.meta.Name, err)
	}
	return s.pace.read(), nil
}

func (s *directCamera) setRate(fps float64) { s.pace.setRate(fps) }

func (s *directCamera) Close() error { return s.cam.Close() }
