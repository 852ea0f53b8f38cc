package monitor

import (
	"errors"
	"fmt"
	"math"
)

// sameShape is how far two picture sizes' width-to-height ratios may differ
// and still be one view scaled: sizes are whole pixels (a 16:9 camera gives
// 854×480 and 1280×720), so they rarely scale exactly.
const sameShape = 0.02

// ErrOtherPicture says a saved calibration was taken on a picture of another
// shape (another camera, or the same one set differently): it cannot be used.
var ErrOtherPicture = errors.New("the calibration was taken on a picture of another shape")

// ScaledTo is the baseline for the same camera view at another resolution:
// positions and sizes scale, ratios stay. A picture of another shape gets
// ErrOtherPicture: the view itself changed, so the user must recalibrate.
func (b Baseline) ScaledTo(w, h int) (Baseline, error) {
	if w == b.Width && h == b.Height {
		return b, nil
	}
	if w <= 0 || h <= 0 || b.Width <= 0 || b.Height <= 0 {
		return b, fmt.Errorf("%w (%dx%d, now %dx%d): recalibrate", ErrOtherPicture, b.Width, b.Height, w, h)
	}
	kx, ky := float64(w)/float64(b.Width), float64(h)/float64(b.Height)
	if math.Abs(kx/ky-1) > sameShape {
		return b, fmt.Errorf("%w (%dx%d, now %dx%d): recalibrate", ErrOtherPicture, b.Width, b.Height, w, h)
	}
	k := (kx + ky) / 2
	scale := func(r Rect) Rect { return Rect{r.X * k, r.Y * k, r.W * k, r.H * k} }
	b.Width, b.Height = w, h
	b.Face, b.Picture = scale(b.Face), scale(b.Picture)
	b.FaceSize, b.FaceHeight, b.EyeDist = b.FaceSize*k, b.FaceHeight*k, b.EyeDist*k
	b.Center = Point{b.Center.X * k, b.Center.Y * k}
	return b, nil
}

// fit makes the session's baseline match the frames' resolution, once, at
// the first frame of another size; it reports whether it changed it.
func (s *Session) fit(o Observation) (bool, error) {
	b := s.classifier.Baseline
	if o.Width == b.Width && o.Height == b.Height {
		return false, nil
	}
	scaled, err := b.ScaledTo(o.Width, o.Height)
	if err != nil {
		return false, err
	}
	s.classifier.Baseline = scaled
	s.setup = newSetupWatch(scaled)
	return true, nil
}
