package vision

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"image"
	"time"

	"gocv.io/x/gocv"
)

// Retry waits for a camera that is busy or gone: 1 s, doubling, at most a minute.
const (
	firstRetry = time.Second
	maxRetry   = time.Minute
)

// frozenAfter is how long identical frames must last to call a camera frozen:
// a real sensor's noise makes every frame differ.
const frozenAfter = 10 * time.Second

// liveSource keeps a live camera going all day: it retries with back-off
// when the camera is busy or unplugged, releases it between bursts on a duty
// cycle, restarts it when its picture freezes and scales frames back when
// its resolution changes. Times are measured from when it was made, across
// reopenings.
type liveSource struct {
	name   string
	open   func() (frameSource, error)
	retry  bool
	duty   DutyCycle
	report func(CameraStatus)
	now    func() time.Time
	sleep  func(context.Context, time.Duration) error
	frozen time.Duration // identical frames for this long are frozen

	cur     frameSource
	pending error // why the first opening failed, when retrying
	meta    SourceInfo
	rate    float64
	epoch   time.Time
	wait    time.Duration // the next back-off
	state   CameraState
	read    int       // frames read since the camera was opened
	burstAt time.Time // when the current duty-cycle burst began
	left    int       // frames left in the burst
	guard   frameGuard
}

// openLive opens camera cfg.Camera as a live source. With cfg.Reconnect a
// busy camera is waited for; a missing one is an error either way.
func openLive(cfg Config) (*liveSource, error) {
	name := fmt.Sprintf("camera %d", cfg.Camera)
	open := func() (frameSource, error) { return openCamera(cfg.Camera, 0) }
	s := newLiveSource(name, open, cfg)
	first, err := open()
	switch {
	case err == nil:
		s.attach(first)
	case cfg.Reconnect && errors.Is(err, ErrCameraBusy):
		s.pending = err
	default:
		return nil, err
	}
	return s, nil
}

func newLiveSource(name string, open func() (frameSource, error), cfg Config) *liveSource {
	s := &liveSource{name: name, open: open, retry: cfg.Reconnect, duty: cfg.DutyCycle, report: cfg.OnCameraStatus,
		now: time.Now, sleep: sleepCtx, frozen: frozenAfter, rate: cfg.FPS, wait: firstRetry,
		meta: SourceInfo{Name: name, Live: true}}
	if s.report == nil {
		s.report = func(CameraStatus) {}
	}
	s.epoch = s.now()
	s.guard.seed = maphash.MakeSeed()
	return s
}

func (s *liveSource) info() SourceInfo { return s.meta }

func (s *liveSource) setRate(fps float64) {
	s.rate = fps
	if s.cur != nil {
		s.cur.setRate(fps)
	}
}

// attach starts using a freshly opened camera.
func (s *liveSource) attach(src frameSource) {
	s.cur, s.read = src, 0
	src.setRate(s.rate)
	if m := src.info(); m.FPS > 0 {
		s.meta.FPS = m.FPS
	}
	s.burstAt, s.left = s.now(), s.duty.frames()
}

// release closes the camera, keeping everything learnt about it.
func (s *liveSource) release() {
	if s.cur != nil {
		s.cur.Close()
		s.cur = nil
	}
}

func (s *liveSource) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	for {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if s.cur == nil {
			if err := s.connect(ctx); err != nil {
				return 0, err
			}
		}
		if _, err := s.cur.next(ctx, dst); err != nil {
			if ctx.Err() != nil {
				return 0, ctx.Err()
			}
			s.release()
			if s.read == 0 && errors.Is(err, ErrCameraLost) {
				// Opened but silent: another program is streaming from it.
				err = fmt.Errorf("read %s: %w (it opened but gives no picture)", s.name, ErrCameraBusy)
			}
			if err := s.backOff(ctx, err); err != nil {
				return 0, err
			}
			continue
		}
		s.read++
		s.wait = firstRetry
		s.setState(CameraWatching, nil, 0)
		at := s.now().Sub(s.epoch)
		s.check(dst)
		if s.duty.Every > 0 {
			if s.left--; s.left <= 0 {
				s.release()
			}
		}
		return at, nil
	}
}

// connect opens the camera, waiting first for the next duty-cycle burst
// and backing off while it cannot be opened.
func (s *liveSource) connect(ctx context.Context) error {
	if s.duty.Every > 0 && !s.burstAt.IsZero() {
		if err := s.sleep(ctx, s.burstAt.Add(s.duty.Every).Sub(s.now())); err != nil {
			return err
		}
	}
	for {
		err := s.pending
		s.pending = nil
		if err == nil {
			var src frameSource
			if src, err = s.open(); err == nil {
				s.attach(src)
				return nil
			}
		}
		if err := s.backOff(ctx, err); err != nil {
			return err
		}
	}
}

// backOff reports why the camera cannot be used and waits before the next
// attempt; without retrying it returns the cause.
func (s *liveSource) backOff(ctx context.Context, cause error) error {
	if !s.retry {
		return cause
	}
	st := CameraLost
	if errors.Is(cause, ErrCameraBusy) {
		st = CameraBusy
	}
	wait := s.wait
	s.wait = min(2*s.wait, maxRetry)
	s.setState(st, cause, wait)
	return s.sleep(ctx, wait)
}

// setState reports a change of state once.
func (s *liveSource) setState(st CameraState, cause error, retry time.Duration) {
	if st == s.state {
		return
	}
	s.state = st
	s.report(CameraStatus{Source: s.name, State: st, Message: describe(s.name, st, retry), Err: cause, RetryIn: retry})
}

// check scales a frame of the wrong size back to the first size seen and
// notices a frozen picture, reporting each once.
func (s *liveSource) check(dst *gocv.Mat) {
	if from, to, changed := s.guard.fit(dst); changed {
		s.report(CameraStatus{Source: s.name, State: CameraResized, RetryIn: 0,
			Message: fmt.Sprintf("The picture from %s changed size from %d×%d to %d×%d; Hunch scales it back — recalibrate if it looks wrong", s.name, from.X, from.Y, to.X, to.Y)})
	}
	if s.guard.stuck(*dst, s.now(), s.frozen) {
		s.report(CameraStatus{Source: s.name, State: CameraFrozen, Message: describe(s.name, CameraFrozen, 0),
			Err: fmt.Errorf("read %s: the same picture for %s", s.name, s.frozen)})
		if s.retry && !s.guard.restarted {
			s.guard.restarted = true
			s.release() // the next frame comes from a fresh opening
		}
	}
}

func (s *liveSource) Close() error {
	s.release()
	s.guard.close()
	return nil
}

// frameGuard remembers the first frame size and the latest frame's digest.
type frameGuard struct {
	size      image.Point // the size frames are kept at
	reported  image.Point // the wrong size last reported
	scaled    gocv.Mat
	hasScaled bool

	seed      maphash.Seed
	digest    uint64
	same      time.Time // since when frames have been identical
	noted     bool      // the freeze was reported
	restarted bool      // the camera was restarted for this freeze
}

// fit resizes dst to the first size seen; it reports a size not reported before.
func (g *frameGuard) fit(dst *gocv.Mat) (from, to image.Point, changed bool) {
	got := image.Pt(dst.Cols(), dst.Rows())
	if g.size == (image.Point{}) {
		g.size = got
	}
	if got == g.size {
		g.reported = image.Point{}
		return g.size, got, false
	}
	if !g.hasScaled {
		g.scaled, g.hasScaled = gocv.NewMat(), true
	}
	gocv.Resize(*dst, &g.scaled, g.size, 0, 0, gocv.InterpolationArea)
	g.scaled.CopyTo(dst)
	changed = got != g.reported
	g.reported = got
	return g.size, got, changed
}

// stuck says, once per freeze, that frames have been identical for longer than after.
func (g *frameGuard) stuck(m gocv.Mat, now time.Time, after time.Duration) bool {
	b, err := m.DataPtrUint8()
	if err != nil {
		return false
	}
	d := maphash.Bytes(g.seed, b)
	if d != g.digest || g.same.IsZero() {
		g.digest, g.same, g.noted, g.restarted = d, now, false, false
		return false
	}
	if g.noted || now.Sub(g.same) < after {
		return false
	}
	g.noted = true
	return true
}

func (g *frameGuard) close() {
	if g.hasScaled {
		g.scaled.Close()
		g.hasScaled = false
	}
}
