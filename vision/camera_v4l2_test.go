//go:build linux

package vision

import (
	"context"
	"errors"
	"testing"

	"gocv.io/x/gocv"
)

// standInCamera is a camera read directly, in memory: each frame is the
// picture's size filled with the frame's number; fail makes reads fail.
// The real one, vision/v4l2, is tested against a real driver under qemu.
type standInCamera struct {
	w, h         int
	reads, fresh int
	fail         bool
	closed       bool
}

func (c *standInCamera) frame(bgr []byte) ([]byte, error) {
	if c.fail {
		return bgr, errors.New("no picture")
	}
	bgr = append(bgr[:0], make([]byte, c.w*c.h*3)...)
	for i := range bgr {
		bgr[i] = byte(c.reads + c.fresh)
	}
	return bgr, nil
}
func (c *standInCamera) Read(bgr []byte) ([]byte, error)      { c.reads++; return c.frame(bgr) }
func (c *standInCamera) ReadFresh(bgr []byte) ([]byte, error) { c.fresh++; return c.frame(bgr) }
func (c *standInCamera) Size() (int, int)                     { return c.w, c.h }
func (c *standInCamera) Rate() float64                        { return 15 }
func (c *standInCamera) Close() error                         { c.closed = true; return nil }

// TestADirectCameraGivesFreshFramesAfterItsWarmUp: the first frames are
// dropped; every analysed frame is a fresh one, in a picture of its size.
func TestADirectCameraGivesFreshFramesAfterItsWarmUp(t *testing.T) {
	cam := &standInCamera{w: 8, h: 6}
	src, err := newDirectCamera(cam, "camera 7", 0)
	if err != nil {
		t.Fatal(err)
	}
	if cam.reads != cameraWarmup || cam.fresh != 0 {
		t.Errorf("opening read %d frames and %d fresh ones; want the %d of the warm-up", cam.reads, cam.fresh, cameraWarmup)
	}
	dst := gocv.NewMatWithSize(2, 3, gocv.MatTypeCV8UC1) // the wrong size and kind
	defer dst.Close()
	for want := cameraWarmup + 1; want <= cameraWarmup+2; want++ {
		if _, err := src.next(context.Background(), &dst); err != nil {
			t.Fatal(err)
		}
		if dst.Cols() != 8 || dst.Rows() != 6 || dst.Channels() != 3 || dst.GetVecbAt(5, 7)[2] != uint8(want) || dst.GetVecbAt(0, 0)[0] != uint8(want) {
			t.Errorf("frame: %d×%d×%d, pixel (7,5) %v; want 8×6×3 filled with %d", dst.Cols(), dst.Rows(), dst.Channels(), dst.GetVecbAt(5, 7), want)
		}
	}
	if cam.fresh != 2 {
		t.Errorf("%d fresh reads for two frames", cam.fresh)
	}
	if err := src.Close(); err != nil || !cam.closed {
		t.Errorf("close: %v, closed %v", err, cam.closed)
	}
}

// TestADirectCameraThatStopsIsLost: reads that keep failing end in
// ErrCameraLost, which the live source waits out; one that gives nothing
// while opening is closed and busy, which the live source waits for.
func TestADirectCameraThatStopsIsLost(t *testing.T) {
	cam := &standInCamera{w: 4, h: 4}
	src, err := newDirectCamera(cam, "camera 7", 0)
	if err != nil {
		t.Fatal(err)
	}
	cam.fail = true
	dst := gocv.NewMat()
	defer dst.Close()
	if _, err := src.next(context.Background(), &dst); !errors.Is(err, ErrCameraLost) || cam.fresh != cameraFailures {
		t.Errorf("after %d failed reads: %v; want ErrCameraLost after %d", cam.fresh, err, cameraFailures)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := src.next(ctx, &dst); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	dead := &standInCamera{w: 4, h: 4, fail: true}
	if _, err := newDirectCamera(dead, "camera 8", 0); !errors.Is(err, ErrCameraBusy) || !dead.closed {
		t.Errorf("a camera that gives nothing while opening: %v, closed %v", err, dead.closed)
	}
}
