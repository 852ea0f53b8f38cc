package vision

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"gocv.io/x/gocv"
)

// fakeClock is the live source's clock and sleep: sleeping moves it on.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d > 0 {
		c.sleeps = append(c.sleeps, d)
		c.now = c.now.Add(d)
	}
	return nil
}

// fakeCamera paints frames, half a second apart on the clock, until fail
// says otherwise.
type fakeCamera struct {
	clock  *fakeClock
	size   func(i int) image.Point // frame size of frame i
	still  bool                    // every frame identical
	fail   func(i int) error       // error for frame i, nil to deliver it
	n      int
	closed bool
	rate   float64
}

func (f *fakeCamera) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	i := f.n
	if f.fail != nil {
		if err := f.fail(i); err != nil {
			return 0, err
		}
	}
	f.n++
	f.clock.now = f.clock.now.Add(500 * time.Millisecond)
	sz := image.Pt(64, 48)
	if f.size != nil {
		sz = f.size(i)
	}
	shade := float64(40 + i%100)
	if f.still {
		shade = 90
	}
	m := gocv.NewMatWithSizeFromScalar(gocv.NewScalar(shade, shade, shade, 0), sz.Y, sz.X, gocv.MatTypeCV8UC3)
	m.CopyTo(dst)
	m.Close()
	return 0, nil
}
func (f *fakeCamera) info() SourceInfo    { return SourceInfo{Name: "fake", Live: true, FPS: 30} }
func (f *fakeCamera) setRate(fps float64) { f.rate = fps }
func (f *fakeCamera) Close() error        { f.closed = true; return nil }

// rig is a live source over fake cameras made by a function-field opener.
type rig struct {
	clock    *fakeClock
	src      *liveSource
	statuses []CameraStatus
	opened   []*fakeCamera
	dst      gocv.Mat
}

// newRig builds a live source whose opener calls open with the attempt number.
func newRig(t *testing.T, cfg Config, open func(attempt int, c *fakeCamera) error) *rig {
	t.Helper()
	r := &rig{clock: &fakeClock{now: time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)}, dst: gocv.NewMat()}
	t.Cleanup(func() { r.dst.Close() })
	cfg.OnCameraStatus = func(s CameraStatus) { r.statuses = append(r.statuses, s) }
	attempts := 0
	opener := func() (frameSource, error) {
		c := &fakeCamera{clock: r.clock}
		attempts++
		if err := open(attempts, c); err != nil {
			return nil, err
		}
		r.opened = append(r.opened, c)
		return c, nil
	}
	r.src = newLiveSource("camera 0", opener, cfg)
	r.src.now, r.src.sleep = r.clock.Now, r.clock.Sleep
	r.src.epoch = r.clock.now
	t.Cleanup(func() { r.src.Close() })
	return r
}

// frames reads n frames, failing the test on an error.
func (r *rig) frames(t *testing.T, n int) []time.Duration {
	t.Helper()
	var at []time.Duration
	for i := 0; i < n; i++ {
		d, err := r.src.next(context.Background(), &r.dst)
		if err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		at = append(at, d)
	}
	return at
}

func (r *rig) states() string {
	var s []string
	for _, st := range r.statuses {
		s = append(s, string(st.State))
	}
	return strings.Join(s, " ")
}

var errBusy = fmt.Errorf("open camera 0: %w", ErrCameraBusy)

func TestABusyCameraIsWaitedForWithBackOffUpToAMinute(t *testing.T) {
	r := newRig(t, Config{Reconnect: true}, func(attempt int, c *fakeCamera) error {
		if attempt <= 9 {
			return errBusy
		}
		return nil
	})
	r.frames(t, 1)
	want := []time.Duration{1, 2, 4, 8, 16, 32, 60, 60, 60}
	if len(r.clock.sleeps) != len(want) {
		t.Fatalf("waits %v, want %v seconds", r.clock.sleeps, want)
	}
	for i, w := range want {
		if r.clock.sleeps[i] != w*time.Second {
			t.Errorf("wait %d: %v, want %v", i, r.clock.sleeps[i], w*time.Second)
		}
	}
	if got := r.states(); got != "busy watching" {
		t.Errorf("states %q, want %q: each reported once", got, "busy watching")
	}
	if msg := r.statuses[0].Message; !strings.Contains(msg, "Camera in use — paused") || !errors.Is(r.statuses[0].Err, ErrCameraBusy) {
		t.Errorf("busy status %q (%v)", msg, r.statuses[0].Err)
	}
}

func TestACameraThatOpensButGivesNoPictureIsBusy(t *testing.T) {
	r := newRig(t, Config{Reconnect: true}, func(attempt int, c *fakeCamera) error {
		if attempt <= 2 {
			c.fail = func(int) error { return ErrCameraLost }
		}
		return nil
	})
	r.frames(t, 1)
	if got := r.states(); got != "busy watching" {
		t.Errorf("states %q, want busy then watching", got)
	}
	if !r.opened[0].closed || !r.opened[1].closed {
		t.Error("a camera that gave nothing was not released before retrying")
	}
}

func TestAnUnpluggedCameraIsReconnectedAndTimeGoesOn(t *testing.T) {
	r := newRig(t, Config{Reconnect: true, FPS: 2}, func(attempt int, c *fakeCamera) error {
		switch attempt {
		case 1:
			c.fail = func(i int) error {
				if i >= 3 {
					return fmt.Errorf("read camera 0: %w", ErrCameraLost)
				}
				return nil
			}
		case 2, 3:
			return fmt.Errorf("open camera 0: %w", ErrNoCamera)
		}
		return nil
	})
	at := r.frames(t, 6)
	if got := r.states(); got != "watching lost watching" {
		t.Errorf("states %q, want watching, lost, watching", got)
	}
	for i := 1; i < len(at); i++ {
		if at[i] <= at[i-1] {
			t.Errorf("frame times go backwards across the reconnection: %v", at)
		}
	}
	if at[3]-at[2] < 7*time.Second {
		t.Errorf("frame after the unplug at %v, %v after the last: the 1+2+4 s waits are missing", at[3], at[3]-at[2])
	}
	if len(r.opened) != 2 || r.opened[1].rate != 2 {
		t.Errorf("the reconnected camera was not given the rate: %+v", r.opened)
	}
}

func TestWithoutReconnectAFailureIsAnError(t *testing.T) {
	r := newRig(t, Config{}, func(attempt int, c *fakeCamera) error {
		c.fail = func(i int) error {
			if i >= 1 {
				return fmt.Errorf("read camera 0: %w (unplugged?)", ErrCameraLost)
			}
			return nil
		}
		return nil
	})
	r.frames(t, 1)
	if _, err := r.src.next(context.Background(), &r.dst); !errors.Is(err, ErrCameraLost) {
		t.Errorf("got %v, want ErrCameraLost", err)
	}
}

func TestCancellingStopsTheWaitForABusyCamera(t *testing.T) {
	r := newRig(t, Config{Reconnect: true}, func(int, *fakeCamera) error { return errBusy })
	ctx, cancel := context.WithCancel(context.Background())
	r.src.sleep = func(ctx context.Context, d time.Duration) error { cancel(); return sleepCtx(ctx, d) }
	if _, err := r.src.next(ctx, &r.dst); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestAFrozenPictureIsReportedOnceAndTheCameraRestartedOnce(t *testing.T) {
	r := newRig(t, Config{Reconnect: true}, func(_ int, c *fakeCamera) error { c.still = true; return nil })
	r.frames(t, 120) // a minute of the same picture
	frozen := 0
	for _, s := range r.statuses {
		if s.State == CameraFrozen {
			frozen++
		}
	}
	if frozen != 1 || len(r.opened) != 2 {
		t.Errorf("a minute frozen: %d reports, %d openings; want 1 report and 1 restart", frozen, len(r.opened))
	}
}

func TestAPictureOfTheWrongSizeIsScaledBackAndReportedOnce(t *testing.T) {
	r := newRig(t, Config{Reconnect: true}, func(_ int, c *fakeCamera) error {
		c.size = func(i int) image.Point {
			if i >= 3 {
				return image.Pt(32, 24)
			}
			return image.Pt(64, 48)
		}
		return nil
	})
	r.frames(t, 10)
	if r.dst.Cols() != 64 || r.dst.Rows() != 48 {
		t.Errorf("frame %dx%d, want the first size 64x48", r.dst.Cols(), r.dst.Rows())
	}
	if got := r.states(); got != "watching resized" {
		t.Errorf("states %q, want the resize reported once", got)
	}
	if !strings.Contains(r.statuses[1].Message, "64×48 to 32×24") {
		t.Errorf("message %q", r.statuses[1].Message)
	}
}

func TestADutyCycleReleasesTheCameraBetweenBursts(t *testing.T) {
	r := newRig(t, Config{DutyCycle: DutyCycle{Every: 10 * time.Second, Frames: 2}}, func(int, *fakeCamera) error { return nil })
	at := r.frames(t, 6)
	if len(r.opened) != 3 {
		t.Fatalf("%d openings for 6 frames in bursts of 2, want 3", len(r.opened))
	}
	if !r.opened[0].closed || !r.opened[1].closed {
		t.Error("the camera was kept open between bursts")
	}
	if at[2]-at[0] != 10*time.Second || at[4]-at[2] != 10*time.Second {
		t.Errorf("bursts at %v, want every 10 s", at)
	}
}

func TestAColourFrameOfTheRightSizePassesUntouched(t *testing.T) {
	var g frameGuard
	defer g.close()
	m := gocv.NewMatWithSizeFromScalar(gocv.NewScalar(1, 2, 3, 0), 48, 64, gocv.MatTypeCV8UC3)
	defer m.Close()
	if _, _, changed := g.fit(&m); changed || m.Cols() != 64 {
		t.Error("the first frame sets the size and is not changed")
	}
	if c := m.GetVecbAt(0, 0); c[0] != 1 || c[2] != 3 {
		t.Errorf("pixel %v", c)
	}
}
