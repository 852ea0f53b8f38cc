package monitor

import (
	"math"
	"sort"
)

// faceGeometry is what one face tells about the head, in frame pixels and
// ratios; features compare it with the baseline's.
type faceGeometry struct {
	size       float64 // sqrt of the box area: grows as the head nears the camera
	center     Point
	height     float64
	eyeDist    float64 // between the eyes; 0 without landmarks
	roll       float64 // eye line angle in degrees, positive when the right side is lower in the picture
	eyeToMouth float64 // vertical eye-line to mouth distance over eye distance: shrinks as the chin drops
	earToEye   float64 // how far the eyes sit below the ears, over eye distance: grows as the chin drops
	chinY      float64 // bottom of the face
	eyeY       float64 // height of the eye line; 0 without landmarks
	landmarks  bool
}

func measureFace(f Face) faceGeometry {
	g := faceGeometry{
		size:   math.Sqrt(f.Box.Area()),
		center: f.Box.Center(),
		height: f.Box.H,
		chinY:  f.Box.Y + f.Box.H,
	}
	if !f.HasLandmarks {
		return g
	}
	re, le := f.Landmark(RightEye), f.Landmark(LeftEye)
	dx, dy := le.X-re.X, le.Y-re.Y
	g.eyeDist = math.Hypot(dx, dy)
	if g.eyeDist < 1 {
		return g
	}
	g.landmarks = true
	g.roll = math.Atan2(dy, dx) * 180 / math.Pi
	eyeY := (re.Y + le.Y) / 2
	g.eyeY = eyeY
	g.eyeToMouth = (f.Landmark(Mouth).Y - eyeY) / g.eyeDist
	earY := (f.Landmark(RightEar).Y + f.Landmark(LeftEar).Y) / 2
	g.earToEye = (eyeY - earY) / g.eyeDist
	return g
}

// median returns the middle value of xs (which it sorts); 0 for none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	return quantile(xs, 0.5)
}

// quantile is the q-th quantile of sorted xs, interpolated between ranks.
func quantile(sorted []float64, q float64) float64 {
	r := q * float64(len(sorted)-1)
	i := int(math.Floor(r))
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (r-float64(i))*(sorted[i+1]-sorted[i])
}

// spread is the median absolute deviation of xs about m, scaled to match a
// standard deviation for normal data.
func spread(xs []float64, m float64) float64 {
	d := make([]float64, len(xs))
	for i, x := range xs {
		d[i] = math.Abs(x - m)
	}
	return 1.4826 * median(d)
}

// shoulderToEyes is how far below the eye line a shoulder line lies, in eye
// distances; 0 when the face has no landmarks.
func (g faceGeometry) shoulderToEyes(s ShoulderLine) float64 {
	if !g.landmarks {
		return 0
	}
	return (s.MidY() - g.eyeY) / g.eyeDist
}
