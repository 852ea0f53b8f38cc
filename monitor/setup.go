package monitor

import (
	"math"
	"time"
)

// setupWatch notices that the camera (or the chair) was moved for good: the
// background no longer matches the calibration's for several seconds. A slouch
// changes the person, not the room, so the band where the user sits is left out.
type setupWatch struct {
	base      Baseline
	baseMean  float64
	differs   bool
	since     time.Duration
	changed   bool
	threshold float64
	hold      time.Duration
}

func newSetupWatch(b Baseline) *setupWatch {
	return &setupWatch{base: b, baseMean: meanPix(b.Scene.Pix), threshold: 0.1, hold: 5 * time.Second}
}

// step reports whether the set-up is, by now, considered changed.
func (w *setupWatch) step(o Observation) bool {
	d, ok := w.difference(o)
	if !ok {
		return w.changed
	}
	differs := d > w.threshold
	if differs != w.differs {
		w.differs, w.since = differs, o.At
	}
	if o.At-w.since >= w.hold {
		w.changed = differs
	}
	return w.changed
}

// difference is the mean absolute difference of the background, each picture
// first normalised by its mean brightness so that lighting changes do not count.
func (w *setupWatch) difference(o Observation) (float64, bool) {
	b, s := w.base.Scene, o.Scene
	if len(b.Pix) == 0 || s.W != b.W || s.H != b.H || len(s.Pix) != len(b.Pix) || w.baseMean <= 0.02 {
		return 0, false
	}
	m := meanPix(s.Pix)
	if m <= 0.02 {
		return 0, false
	}
	// The user's band: the calibrated face's columns, widened, down to the bottom.
	fx := w.base.Center.X / float64(w.base.Width) * float64(s.W)
	half := 1.6 * w.base.Face.W / float64(w.base.Width) * float64(s.W)
	top := (w.base.Face.Y - 0.5*w.base.Face.H) / float64(w.base.Height) * float64(s.H)
	var sum float64
	var n int
	for y := 0; y < s.H; y++ {
		for x := 0; x < s.W; x++ {
			if math.Abs(float64(x)+0.5-fx) < half && float64(y)+0.5 > top {
				continue
			}
			i := y*s.W + x
			sum += math.Abs(float64(s.Pix[i])/m - float64(b.Pix[i])/w.baseMean)
			n++
		}
	}
	if n < s.W*s.H/8 {
		return 0, false
	}
	return sum / float64(n), true
}

func meanPix(p []float32) float64 {
	if len(p) == 0 {
		return 0
	}
	var s float64
	for _, v := range p {
		s += float64(v)
	}
	return s / float64(len(p))
}
