package monitor

import (
	"errors"
	"fmt"
	"math"
)

// Baseline is the user's own upright posture, measured at calibration: the
// medians of what the camera saw, and how much they moved while sitting well.
type Baseline struct {
	Width, Height int  // frame size the baseline was taken at
	Picture       Rect // the camera's picture within the frame (see Observation.Picture)

	Face       Rect    // median face box
	FaceSize   float64 // median sqrt(box area)
	FaceHeight float64
	Center     Point

	Landmarks  bool // whether the geometry below comes from landmarks
	EyeDist    float64
	Roll       float64
	EyeToMouth float64
	EarToEye   float64

	// NeckGap is the distance from the bottom of the face to the shoulder
	// line, over the face height; SilhouetteNeckGap the same from the
	// segmentation mask. Zero when not measured.
	NeckGap, SilhouetteNeckGap float64
	// ShoulderToEyes is how far the shoulder line lies below the eyes, in
	// eye distances (classical and silhouette); zero when not measured.
	ShoulderToEyes, SilhouetteShoulderToEyes float64
	ShoulderTilt                             float64 // degrees

	// Spreads of the calibration, in the units of the features: how much
	// this user moves while upright.
	SizeSpread, DropSpread float64

	// Scene is the median thumbnail of the picture, to notice a moved camera.
	Scene Scene
	// SlouchSample, when the user gave one, is how they sit when they
	// slouch: the median features of a few seconds of it against this
	// baseline. The judgement then also measures the way towards it.
	SlouchSample *Features `json:",omitempty"`
	// Restless is set when the calibration moved more than ideal but still
	// gave a usable baseline.
	Restless bool
}

// Calibration failures a user can act on.
var (
	ErrNoFace      = errors.New("no face seen: sit in front of the camera, face it, and make sure the room is lit")
	ErrTwoFaces    = errors.New("two faces of similar size: which one is you? calibrate with only you in the picture")
	ErrTooRestless = errors.New("too much movement: sit still, upright, for the few seconds of calibration")
	ErrTooFew      = errors.New("too few frames to calibrate: calibrate for at least 2 seconds")
	ErrEndedEarly  = errors.New("the input ended before calibration finished: use a longer recording, fewer --calibrate seconds, or a saved --profile")
)

// What a calibration must show. Hand choices, not fitted: they refuse only a
// capture that plainly cannot be the user sitting still. Every calibration in
// ../shared passes them; the most restless, q1's with the camera held by
// hand, spreads 7.2% in face size and 0.06 face heights in height, the others
// at most 3.8% and 0.016.
const (
	// minFaceShare: a face must be found in most frames; a few misses (a
	// hand raised, a blink of the detector) are allowed.
	minFaceShare = 0.6
	// secondFaceArea: a second face at least this fraction of the user's
	// area is someone near enough to be taken for them (a poster or a
	// colleague across the room is smaller) ...
	secondFaceArea = 0.6
	// ... and more than this share of the frames showing one is refused.
	maxSecondFaceShare = 1.0 / 3
	// maxSizeSpread and maxDropSpread refuse a user who moved about
	// (robust spreads: face size as a fraction, height in face heights),
	// with a margin of more than half over q1's held camera.
	maxSizeSpread = 0.12
	maxDropSpread = 0.5
	// restlessSizeSpread and restlessDropSpread mark a calibration that is
	// kept, the user told they moved a little (the judgement already
	// scales by their spread, model_inputs.go): of ../shared, only q1's
	// (camera held by hand) is over them.
	restlessSizeSpread = 0.05
	restlessDropSpread = 0.2
)

// Calibrate measures the baseline from observations of the user sitting upright.
func Calibrate(obs []Observation) (Baseline, error) {
	if len(obs) < 3 {
		return Baseline{}, ErrTooFew
	}
	var faces []faceGeometry
	var boxes []Rect
	twoFaces := 0
	for _, o := range obs {
		if len(o.Faces) == 0 {
			continue
		}
		f := o.Faces[0]
		if len(o.Faces) > 1 && o.Faces[1].Box.Area() > secondFaceArea*f.Box.Area() {
			twoFaces++
		}
		faces = append(faces, measureFace(f))
		boxes = append(boxes, f.Box)
	}
	if float64(len(faces)) < math.Floor(minFaceShare*float64(len(obs))) {
		return Baseline{}, fmt.Errorf("%w (a face in %d of %d frames)", ErrNoFace, len(faces), len(obs))
	}
	if float64(twoFaces) > maxSecondFaceShare*float64(len(faces)) {
		return Baseline{}, ErrTwoFaces
	}
	b := Baseline{Width: obs[0].Width, Height: obs[0].Height, Picture: obs[0].PictureArea()}
	b.measureFaces(faces, boxes)
	b.measureShoulders(obs)
	b.Scene = medianScene(obs)
	if b.SizeSpread > maxSizeSpread || b.DropSpread > maxDropSpread {
		return Baseline{}, fmt.Errorf("%w (face size varied %.0f%%, height %.2f face heights)", ErrTooRestless, 100*b.SizeSpread, b.DropSpread)
	}
	b.Restless = b.SizeSpread > restlessSizeSpread || b.DropSpread > restlessDropSpread
	return b, nil
}

func (b *Baseline) measureFaces(faces []faceGeometry, boxes []Rect) {
	col := func(f func(g faceGeometry) float64, landmarksOnly bool) []float64 {
		var xs []float64
		for _, g := range faces {
			if !landmarksOnly || g.landmarks {
				xs = append(xs, f(g))
			}
		}
		return xs
	}
	sizes := col(func(g faceGeometry) float64 { return g.size }, false)
	ys := col(func(g faceGeometry) float64 { return g.center.Y }, false)
	b.FaceSize = median(sizes)
	b.FaceHeight = median(col(func(g faceGeometry) float64 { return g.height }, false))
	b.Center = Point{median(col(func(g faceGeometry) float64 { return g.center.X }, false)), median(ys)}
	b.Face = Rect{X: median(rectCol(boxes, func(r Rect) float64 { return r.X })), Y: median(rectCol(boxes, func(r Rect) float64 { return r.Y })),
		W: median(rectCol(boxes, func(r Rect) float64 { return r.W })), H: median(rectCol(boxes, func(r Rect) float64 { return r.H }))}
	b.SizeSpread = spread(sizes, b.FaceSize) / b.FaceSize
	b.DropSpread = spread(ys, b.Center.Y) / b.FaceHeight
	withMarks := col(func(g faceGeometry) float64 { return g.eyeDist }, true)
	if len(withMarks) < len(faces)/2 {
		return
	}
	b.Landmarks = true
	b.EyeDist = median(withMarks)
	b.Roll = median(col(func(g faceGeometry) float64 { return g.roll }, true))
	b.EyeToMouth = median(col(func(g faceGeometry) float64 { return g.eyeToMouth }, true))
	b.EarToEye = median(col(func(g faceGeometry) float64 { return g.earToEye }, true))
}

func rectCol(rs []Rect, f func(Rect) float64) []float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = f(r)
	}
	return xs
}

// measureShoulders takes the neck gaps from frames whose shoulders were found.
func (b *Baseline) measureShoulders(obs []Observation) {
	var gaps, silGaps, tilts, toEyes, silToEyes []float64
	for _, o := range obs {
		if len(o.Faces) == 0 {
			continue
		}
		g := measureFace(o.Faces[0])
		chin := o.Faces[0].Box.Y + o.Faces[0].Box.H
		if o.Shoulders.Found() {
			gaps = append(gaps, (o.Shoulders.MidY()-chin)/b.FaceHeight)
			tilts = append(tilts, lineTilt(o.Shoulders))
			if d := g.shoulderToEyes(o.Shoulders); d > 0 {
				toEyes = append(toEyes, d)
			}
		}
		if s := o.Silhouette; s != nil && s.Shoulders.Found() {
			if d := g.shoulderToEyes(s.Shoulders); d > 0 {
				silToEyes = append(silToEyes, d)
			}
			c, h := chin, o.Faces[0].Box.H
			if s.Face.H > 0 {
				c, h = s.Face.Y+s.Face.H, s.Face.H
			}
			silGaps = append(silGaps, (s.Shoulders.MidY()-c)/h)
		}
	}
	if len(gaps) >= len(obs)/2 {
		b.NeckGap = median(gaps)
		b.ShoulderTilt = median(tilts)
		b.ShoulderToEyes = median(toEyes)
	}
	if len(silGaps) > 0 {
		b.SilhouetteNeckGap = median(silGaps)
		b.SilhouetteShoulderToEyes = median(silToEyes)
	}
}

func lineTilt(s ShoulderLine) float64 {
	return math.Atan2(s.Right.Y-s.Left.Y, math.Abs(s.Right.X-s.Left.X)+1e-9) * 180 / math.Pi
}

// medianScene is the per-pixel median of the calibration thumbnails.
func medianScene(obs []Observation) Scene {
	var scenes []Scene
	for _, o := range obs {
		if len(o.Scene.Pix) > 0 && o.Scene.W == obs[0].Scene.W && o.Scene.H == obs[0].Scene.H {
			scenes = append(scenes, o.Scene)
		}
	}
	if len(scenes) == 0 {
		return Scene{}
	}
	out := Scene{W: scenes[0].W, H: scenes[0].H, Pix: make([]float32, len(scenes[0].Pix))}
	col := make([]float64, len(scenes))
	for i := range out.Pix {
		for j, s := range scenes {
			col[j] = float64(s.Pix[i])
		}
		out.Pix[i] = float32(median(col))
	}
	return out
}

// pictureArea is the calibrated picture area (the whole frame for a profile
// saved before it was recorded).
func (b Baseline) pictureArea() Rect {
	if b.Picture.W > 0 && b.Picture.H > 0 {
		return b.Picture
	}
	return Rect{W: float64(b.Width), H: float64(b.Height)}
}
