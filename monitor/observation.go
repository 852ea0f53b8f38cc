package monitor

import (
	"math"
	"time"
)

// Point is a position in frame pixels, x to the right and y downwards.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned box in frame pixels.
type Rect struct{ X, Y, W, H float64 }

// Center is the middle of the box.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Area is the box's area in square pixels.
func (r Rect) Area() float64 { return r.W * r.H }

// Landmark indexes Face.Landmarks, in the order BlazeFace reports them.
type Landmark int

// The six facial landmarks, as seen in the picture ("right eye" is the user's
// right eye, which appears on the left of an unmirrored frame).
const (
	RightEye Landmark = iota
	LeftEye
	NoseTip
	Mouth
	RightEar
	LeftEar
	landmarkCount
)

// Face is one detected face.
type Face struct {
	Box Rect
	// Landmarks holds the six keypoints when HasLandmarks is true (the cascade
	// detector finds boxes only).
	Landmarks    [landmarkCount]Point
	HasLandmarks bool
	// Score is the detector's confidence in [0, 1].
	Score float64
}

// Landmark returns one keypoint of the face.
func (f Face) Landmark(l Landmark) Point { return f.Landmarks[l] }

// ShoulderLine is where the user's shoulders meet the picture, below the face.
// A side with zero confidence was not found.
type ShoulderLine struct {
	Left, Right                     Point
	LeftConfidence, RightConfidence float64
}

// Found reports whether both shoulders were seen well enough to use.
func (s ShoulderLine) Found() bool {
	return s.LeftConfidence > minShoulderConfidence && s.RightConfidence > minShoulderConfidence
}

// minShoulderConfidence is the confidence a shoulder needs to be used. The
// silhouette's shoulders have 1; the classical estimate's is the edge's
// strength times how far it stands out of its strip (vision/shoulders.go),
// and 0.3 asks for at least a step of about 6 grey levels standing out
// clearly: a fainter edge is as likely a fold or the chair. A hand choice.
const minShoulderConfidence = 0.3

// MidY is the height of the shoulder line's middle.
func (s ShoulderLine) MidY() float64 { return (s.Left.Y + s.Right.Y) / 2 }

// Silhouette summarises a person-segmentation mask: where the user's body is,
// without keeping the mask itself.
type Silhouette struct {
	// Coverage is the fraction of the frame covered by the person.
	Coverage float64
	// BottomCoverage is the fraction of the bottom row covered by the person:
	// someone sitting in front of the camera fills the bottom of the picture.
	BottomCoverage float64
	// Top is the highest row of the person (the top of the head).
	Top float64
	// Shoulders is the silhouette's shoulder line: where the outline widens
	// below the head.
	Shoulders ShoulderLine
	// CenterX is the horizontal centre of the person's mass.
	CenterX float64
	// Face is the user's face box in the frame the mask was taken from
	// (zero when none was seen), so that a mask reused on later frames is
	// still read against the head it was measured with.
	Face Rect
}

// A silhouette belongs to the face it was measured with: once the face has
// moved by more than this many of its heights, or changed size by more than
// this fraction, the body under it may have moved too, and the mask no
// longer tells where this frame's shoulders are. The vision side takes a new
// mask at the same points, so the two agree on when a mask is current.
const (
	silhouetteMoveTolerance = 0.1
	silhouetteSizeTolerance = 0.06
)

// FitsFace reports whether the silhouette was measured with this face (nil:
// no face), so that it describes this frame's body whatever its age: a mask
// taken without a face fits a frame without one; one taken with a face fits a
// face at about the same place and size.
func (s Silhouette) FitsFace(face *Rect) bool {
	if face == nil || face.H <= 0 || s.Face.H <= 0 {
		return (face == nil || face.H <= 0) && s.Face.H <= 0
	}
	c, w := face.Center(), s.Face.Center()
	moved := math.Hypot(c.X-w.X, c.Y-w.Y) / s.Face.H
	return moved <= silhouetteMoveTolerance && math.Abs(face.H/s.Face.H-1) <= silhouetteSizeTolerance
}

// Scene is a tiny grey thumbnail of the whole picture (values 0..1, row-major),
// enough to tell that the camera moved, far too small to show anyone.
type Scene struct {
	W, H int
	Pix  []float32
}

// Observation is everything the vision side saw in one frame, as plain values.
type Observation struct {
	// At is when the frame was captured (input time for a recording).
	At time.Duration
	// Width and Height are the frame's size in pixels.
	Width, Height int
	// Picture is the part of the frame that shows the camera's picture:
	// all of it, unless black bars pillarbox or letterbox it. Zero means the
	// whole frame.
	Picture Rect
	// Faces are all faces found, best first.
	Faces []Face
	// Shoulders is the classical shoulder estimate below the most likely user.
	Shoulders ShoulderLine
	// Silhouette is the latest person mask summary, nil when segmentation is
	// off or has not run yet; SilhouetteAge is how long ago it was taken
	// (for display and diagnosis: no verdict depends on it, see FitsFace).
	Silhouette    *Silhouette
	SilhouetteAge time.Duration
	// Brightness is the picture's mean luma (0..255) and Contrast its spread:
	// a covered lens or a dead camera is dark and flat.
	Brightness, Contrast float64
	// Scene is a thumbnail of the Picture, used to notice that the camera
	// was moved.
	Scene Scene
}

// PictureArea is the part of the frame that shows the camera's picture.
func (o Observation) PictureArea() Rect {
	if o.Picture.W > 0 && o.Picture.H > 0 {
		return o.Picture
	}
	return Rect{W: float64(o.Width), H: float64(o.Height)}
}
