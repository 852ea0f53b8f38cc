package monitor

import (
	"math"
	"time"
)

// setupWatch notices that the camera (or the chair) was moved for good: the
// background no longer matches the calibration's for several seconds. A slouch
// changes the person, not the room, so the band where the user sits is left out.
type setupWatch struct {
	base    Baseline
	last    float64 // the latest difference
	differs bool
	since   time.Duration
	changed bool
}

// What counts as a moved camera: hand choices, not fitted, against what
// ../shared shows ('hunch eval --trace all', the last column). Behind the
// user, a moved camera's background differs from the calibration's by 0.34
// to 0.82 (p3 moved; 0.3 sits under it), a tilted one's by 1.1 (q2), p2's
// by 1.4; a still room's by up to 0.44 (p2's), which is
// why the face must have moved in the picture as well.
const (
	sceneChangedAbove = 0.3
	// A camera moved for good moves the face in the picture by more than
	// these (face heights, and the size as a fraction), many times a
	// restless calibration's spread (q1's: 0.06 face heights, 7%).
	movedDrop, movedShift, movedSize = 0.3, 0.3, 0.2
	// setupHold: both must last this long, so that a screen nudged and set
	// back is not a new set-up.
	setupHold = 5 * time.Second
	// closeLean: a face this much larger than calibrated (leaning in
	// close) leaves too little background to judge; what was known stays.
	closeLean = 0.35
	// bandHalfWidth and bandAboveFace bound the user in the picture: the
	// shoulders reach about 1.5 face widths either side of the face's
	// centre, the hair half a face height above it.
	bandHalfWidth, bandAboveFace = 1.8, 0.5
	// minBackground: the comparison needs at least this share of the
	// thumbnail outside the user's band.
	minBackground = 1.0 / 16
)

func newSetupWatch(b Baseline) *setupWatch {
	return &setupWatch{base: b}
}

// step reports whether the set-up is, by now, considered changed.
func (w *setupWatch) step(o Observation, face *Face, ft Features) bool {
	if face == nil || ft.ForwardLean > closeLean {
		// With no face, or one filling the picture, too little background is
		// seen to judge; keep what was known.
		return w.changed
	}
	d, ok := w.difference(o, face.Box)
	if !ok {
		return w.changed
	}
	w.last = d
	// The camera moved when the room and the user moved together; the room
	// alone (a nudge, the light) changes nothing that matters.
	faceMoved := math.Abs(ft.HeadDrop) > movedDrop || math.Abs(ft.ForwardLean) > movedSize || math.Abs(ft.HeadShift) > movedShift
	differs := d > sceneChangedAbove && faceMoved
	if differs != w.differs {
		w.differs, w.since = differs, o.At
	}
	if o.At-w.since >= setupHold {
		w.changed = differs
	}
	return w.changed
}

// difference compares the background's structure with the calibration's:
// one minus the cosine similarity of the two thumbnails' gradients outside
// the user's band. Exposure scales gradients (no change); a moved camera
// moves them (a large change).
func (w *setupWatch) difference(o Observation, face Rect) (float64, bool) {
	b, s := w.base.Scene, o.Scene
	if len(b.Pix) == 0 || s.W != b.W || s.H != b.H || len(s.Pix) != len(b.Pix) {
		return 0, false
	}
	// Halve the thumbnails so that a nudge of a few pixels does not count.
	b, s = b.halved(), s.halved()
	calibrated := userBand(w.base.Face, w.base.pictureArea(), s)
	now := userBand(face, o.PictureArea(), s)
	var dot, nb, ns float64
	n := 0
	for y := 0; y+1 < s.H; y++ {
		for x := 0; x+1 < s.W; x++ {
			if calibrated.covers(x, y) || now.covers(x, y) || calibrated.covers(x+1, y+1) || now.covers(x+1, y+1) {
				continue
			}
			i := y*s.W + x
			for _, j := range [2]int{i + 1, i + s.W} {
				gb, gs := float64(b.Pix[j]-b.Pix[i]), float64(s.Pix[j]-s.Pix[i])
				dot, nb, ns = dot+gb*gs, nb+gb*gb, ns+gs*gs
			}
			n++
		}
	}
	if float64(n) < minBackground*float64(s.W*s.H) || nb == 0 || ns == 0 {
		return 0, false
	}
	return 1 - dot/math.Sqrt(nb*ns), true
}

// band is where the user sits in a thumbnail: the face's columns, widened
// for the shoulders, from above the head down to the bottom.
type band struct{ cx, half, top float64 }

func userBand(face Rect, picture Rect, s Scene) band {
	sx, sy := float64(s.W)/picture.W, float64(s.H)/picture.H
	return band{cx: (face.Center().X - picture.X) * sx, half: bandHalfWidth * face.W * sx, top: (face.Y - bandAboveFace*face.H - picture.Y) * sy}
}

func (b band) covers(x, y int) bool {
	return math.Abs(float64(x)+0.5-b.cx) < b.half && float64(y)+0.5 > b.top
}

// halved averages 2×2 blocks of a scene.
func (sc Scene) halved() Scene {
	out := Scene{W: sc.W / 2, H: sc.H / 2}
	out.Pix = make([]float32, out.W*out.H)
	for y := 0; y < out.H; y++ {
		for x := 0; x < out.W; x++ {
			i := 2*y*sc.W + 2*x
			out.Pix[y*out.W+x] = (sc.Pix[i] + sc.Pix[i+1] + sc.Pix[i+sc.W] + sc.Pix[i+sc.W+1]) / 4
		}
	}
	return out
}
