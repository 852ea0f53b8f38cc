package monitor

// Features are one frame's measurements against the baseline, each free of
// image scale, so that "1.2" means the same on any camera.
type Features struct {
	// FaceFound is false when no face was seen; the other face features are
	// then zero.
	FaceFound bool
	// ForwardLean is how much larger the face is than at calibration
	// (0.2 = 20% larger, the head came closer; negative: sat back).
	ForwardLean float64
	// HeadDrop is how far the face centre sank, in calibrated face heights
	// (negative: rose, as when standing up).
	HeadDrop float64
	// HeadShift is the sideways move of the face, in calibrated face heights.
	HeadShift float64
	// HeadRoll is the eye line's rotation from calibration, in degrees.
	HeadRoll float64
	// ChinDrop is the head's forward pitch: the relative shortening of the
	// eyes-to-mouth distance against the eye distance, plus the eyes sinking
	// below the ears (0 as calibrated, 0.2 clearly looking down).
	ChinDrop float64
	// NeckGap is the chin-to-shoulder-line gap, in face heights of this frame,
	// over its calibrated value (1 as calibrated, 0.7 or less hunched); 0 when
	// the shoulders were not found.
	NeckGap float64
	// ShoulderTilt is the shoulder line's rotation from calibration, degrees.
	ShoulderTilt float64
	// ShoulderRaise is how much closer to the eyes the shoulders sit than
	// at calibration (0.2 = the gap shrank by a fifth: shoulders drawn up
	// towards the ears); 0 when not measured.
	ShoulderRaise float64
	// AtEdge is set when the face touches the picture's edge.
	AtEdge bool
	// PersonPresent is set when the body fills the bottom of the picture
	// (from the segmentation mask): someone is in the chair.
	PersonPresent bool
	// placeUnjudged is set when HeadDrop and HeadShift were left out
	// because the camera moved (withoutPlace): they are then no evidence,
	// not "as calibrated".
	placeUnjudged bool
}

// Hand choices in the features, not fitted (the fit weighs what they give):
const (
	// earShare is how much the ears' rise over the eyes adds to the chin's
	// drop: a second reading of the head's pitch (the eyes sit in front of
	// the neck's pivot, the ears beside it), counted at half next to the
	// mouth's.
	earShare = 0.5
	// minCalibratedNeckGap: a calibrated neck gap under this many face
	// heights means the shoulder line was taken at the chin (a chair back
	// or a collar), so no neck gap can be measured against it.
	minCalibratedNeckGap = 0.05
	// edgeMargin is how near the picture's edge (a share of its longer
	// side) a face box counts as at the edge: cut off, or about to be.
	edgeMargin = 0.02
	// A body in the chair fills this much of the picture's bottom row (the
	// torso) and of the whole picture; an empty chair's mask, next to
	// nothing.
	bodyBottomCoverage, bodyCoverage = 0.35, 0.12
)

// Measure computes the features of one observation's face against b.
func Measure(o Observation, f *Face, b Baseline) Features {
	var box *Rect
	if f != nil {
		box = &f.Box
	}
	ft := Features{PersonPresent: personPresent(o, box)}
	if f == nil {
		return ft
	}
	g := measureFace(*f)
	ft.FaceFound = true
	ft.ForwardLean = g.size/b.FaceSize - 1
	seen := alongSight(b, o, g.size/b.FaceSize)
	ft.HeadDrop = (g.center.Y - seen.Y) / b.FaceHeight
	ft.HeadShift = (g.center.X - seen.X) / b.FaceHeight
	ft.AtEdge = atEdge(f.Box, o.PictureArea())
	if g.landmarks && b.Landmarks {
		ft.HeadRoll = g.roll - b.Roll
		ft.ChinDrop = (b.EyeToMouth-g.eyeToMouth)/b.EyeToMouth + earShare*(g.earToEye-b.EarToEye)
	}
	ft.NeckGap, ft.ShoulderTilt = neckGap(o, *f, g, b)
	ft.ShoulderRaise = shoulderRaise(o, *f, g, b)
	return ft
}

// neckGap prefers the silhouette's shoulder line, which holds in any light,
// when it was measured with this frame's face, and falls back to the
// classical estimate; 0 when neither is there (no evidence either way).
func neckGap(o Observation, f Face, g faceGeometry, b Baseline) (gap, tilt float64) {
	if s := o.Silhouette; s != nil && s.Shoulders.Found() && b.SilhouetteNeckGap > minCalibratedNeckGap && s.FitsFace(&f.Box) {
		chin, height := s.Face.Y+s.Face.H, s.Face.H
		return (s.Shoulders.MidY() - chin) / height / b.SilhouetteNeckGap, 0
	}
	if o.Shoulders.Found() && b.NeckGap > minCalibratedNeckGap && bodyOf(o, f) {
		return (o.Shoulders.MidY() - g.chinY) / g.height / b.NeckGap, lineTilt(o.Shoulders) - b.ShoulderTilt
	}
	return 0, 0
}

// atEdge says whether box r touches the edge of the picture area p.
func atEdge(r Rect, p Rect) bool {
	m := edgeMargin * max(p.W, p.H)
	return r.X < p.X+m || r.Y < p.Y+m || r.X+r.W > p.X+p.W-m || r.Y+r.H > p.Y+p.H-m
}

// personPresent says whether the silhouette that fits this frame's face (or
// its lack of one) shows a body in the chair. Its age does not matter: a
// mask is current until the face moves, and then the vision side takes a new one.
func personPresent(o Observation, face *Rect) bool {
	s := o.Silhouette
	return s != nil && s.FitsFace(face) && s.BottomCoverage > bodyBottomCoverage && s.Coverage > bodyCoverage
}

// shoulderRaise compares the shoulder-to-eyes distance with calibration,
// from the classical line when found (it is of this frame), else the
// silhouette's.
func shoulderRaise(o Observation, f Face, g faceGeometry, b Baseline) float64 {
	if o.Shoulders.Found() && b.ShoulderToEyes > 0 && bodyOf(o, f) {
		if d := g.shoulderToEyes(o.Shoulders); d > 0 {
			return 1 - d/b.ShoulderToEyes
		}
	}
	if s := o.Silhouette; s != nil && s.Shoulders.Found() && s.FitsFace(&f.Box) && b.SilhouetteShoulderToEyes > 0 {
		if d := g.shoulderToEyes(s.Shoulders); d > 0 {
			return 1 - d/b.SilhouetteShoulderToEyes
		}
	}
	return 0
}

// alongSight is where the calibrated face would be seen at this frame's size
// (ratio to the calibrated size) had the user only moved along the camera's
// line of sight: a pinhole camera scales a point's offset from the picture's
// centre by the inverse of its distance. Sitting back upright moves the face
// towards the centre, leaning in away from it; only the rest of a move is
// drop or shift. Without the pictures' sizes it is the calibrated centre.
func alongSight(b Baseline, o Observation, ratio float64) Point {
	pb, po := b.pictureArea(), o.PictureArea()
	if pb.W <= 0 || pb.H <= 0 || po.W <= 0 || po.H <= 0 || ratio <= 0 {
		return b.Center
	}
	cb, co := pb.Center(), po.Center()
	return Point{X: co.X + (b.Center.X-cb.X)*ratio, Y: co.Y + (b.Center.Y-cb.Y)*ratio}
}
