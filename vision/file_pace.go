package vision

import (
	"context"
	"io"
	"math"
	"time"
)

// filePace decides which frame of a recording is analysed next: every
// frame, or rate frames a second of the recording's time, counted from an
// anchor that moves when the rate changes. In real time it waits until the
// frame's moment has come, as a camera would deliver it.
type filePace struct {
	fps      float64 // the recording's frame rate
	rate     float64 // analysed frames a second; 0 for every frame
	realtime bool
	index    int // the next frame not yet passed
	analysed int // frames analysed so far
	started  time.Time
	// The rate applies from an anchor: frame anchorN was analysed at
	// anchorAt seconds (0 and 0 until the rate first changes).
	anchorAt float64
	anchorN  int
	lastAt   float64 // time of the latest analysed frame, in seconds
}

// due returns the number of the next frame to analyse and its time in the
// recording, after waiting for it in real time; io.EOF past the last of
// frames (0 when the count is unknown).
func (p *filePace) due(ctx context.Context, frames int) (int, time.Duration, error) {
	if err := ctx.Err(); err != nil {
		return 0, 0, err
	}
	target := p.index
	if p.rate > 0 {
		due := p.anchorAt + float64(p.analysed-p.anchorN)/p.rate
		target = max(p.index, int(math.Ceil(due*p.fps-1e-9)))
	}
	if frames > 0 && target >= frames {
		return 0, 0, io.EOF
	}
	at := time.Duration(float64(target) / p.fps * float64(time.Second))
	if p.realtime {
		if p.started.IsZero() {
			p.started = time.Now().Add(-at)
		}
		if err := sleepCtx(ctx, time.Until(p.started.Add(at))); err != nil {
			return 0, 0, err
		}
	}
	return target, at, nil
}

// took notes that frame target was analysed.
func (p *filePace) took(target int) {
	p.index = target + 1
	p.analysed++
	p.lastAt = float64(target) / p.fps
}

// setRate changes the analysed frames a second from the next frame on.
func (p *filePace) setRate(fps float64) {
	if fps == p.rate {
		return
	}
	if p.analysed > 0 {
		p.anchorAt, p.anchorN = p.lastAt, p.analysed-1
	}
	p.rate = fps
}
