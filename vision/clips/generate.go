package clips

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/vision"
)

// Generate writes an MJPG .avi at outPath made from the upright frame at
// basePath (see vision.FaceImagePath) following script, and returns the
// truth of every frame.
func Generate(outPath, basePath string, fps float64, script []Segment, opts Options) ([]Truth, error) {
	if fps <= 0 {
		return nil, fmt.Errorf("generate clip: fps %g must be positive", fps)
	}
	face, err := findFace(basePath)
	if err != nil {
		return nil, err
	}
	st, err := newStage(basePath, face)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	vw, err := gocv.VideoWriterFile(outPath, "MJPG", fps, st.base.Cols(), st.base.Rows(), true)
	if err != nil {
		return nil, fmt.Errorf("generate clip %s: %w", outPath, err)
	}
	defer vw.Close()

	ramp := opts.Ramp
	if ramp == 0 {
		ramp = 500 * time.Millisecond
	}
	rng := rand.New(rand.NewSource(opts.Seed))
	var truth []Truth
	prev := pose{zoom: 1}
	start := 0.0
	n := 0
	for si, seg := range script {
		if seg.Seconds <= 0 {
			return nil, fmt.Errorf("generate clip: segment %d (%s) has no length", si, seg.Kind)
		}
		goal := target(seg.Kind)
		if seg.Kind == SlidDown {
			goal.dy = slidDownDrop * float64(st.base.Rows()) / face.H
		}
		end := start + seg.Seconds
		for ; float64(n)/fps < end-1e-9; n++ {
			t := float64(n) / fps
			in := t - start
			p := mix(prev, goal, math.Min(1, in/ramp.Seconds()))
			if seg.Kind == Glance {
				p = mix(p, pose{zoom: 1, dy: 0.5, angle: 0}, glanceAmount(in, seg.Seconds))
			}
			if opts.Jitter > 0 {
				p.dx += rng.NormFloat64() * opts.Jitter / face.W
				p.dy += rng.NormFloat64() * opts.Jitter / face.H
			}
			if err := vw.Write(st.shoot(seg.Kind, p, goal, t, opts, rng)); err != nil {
				return nil, fmt.Errorf("generate clip %s: %w", outPath, err)
			}
			truth = append(truth, Truth{
				At:         time.Duration(t * float64(time.Second)),
				Posture:    posture(seg.Kind),
				Kind:       seg.Kind,
				Transition: si > 0 && in < ramp.Seconds(),
			})
		}
		if seg.Kind != Away && seg.Kind != Glance {
			prev = goal
		}
		start = end
	}
	return truth, nil
}

// stage holds what a generated clip's frames are drawn from: the base frame,
// the room without the user, a small copy of the face, the masks of the
// user (whole, head, body), and scratch pictures reused for every frame.
type stage struct {
	face                                   monitor.Rect
	base, empty, small, person, head, body gocv.Mat
	frame, lit, moved, movedMask           gocv.Mat
}

// newStage reads the base frame and prepares what frames are drawn from.
func newStage(basePath string, face monitor.Rect) (*stage, error) {
	base := gocv.IMRead(basePath, gocv.IMReadColor)
	if base.Empty() {
		base.Close()
		return nil, fmt.Errorf("generate clip: cannot read %s", basePath)
	}
	return &stage{
		face: face, base: base,
		empty: emptyChair(base, face), small: secondFace(base, face),
		person: personMask(base, face, true, true),
		head:   personMask(base, face, true, false), body: personMask(base, face, false, true),
		frame: gocv.NewMat(), lit: gocv.NewMat(), moved: gocv.NewMat(), movedMask: gocv.NewMat(),
	}, nil
}

// Close frees every picture of the stage.
func (st *stage) Close() {
	for _, m := range []*gocv.Mat{&st.base, &st.empty, &st.small, &st.person, &st.head, &st.body, &st.frame, &st.lit, &st.moved, &st.movedMask} {
		m.Close()
	}
}

// shoot draws one frame at time t of a segment of the given kind, the user
// in pose p on the way to goal, with the options' lighting and noise. The
// picture returned is the stage's own, good until the next shot.
func (st *stage) shoot(kind string, p, goal pose, t float64, opts Options, rng *rand.Rand) gocv.Mat {
	switch kind {
	case Away:
		st.empty.CopyTo(&st.frame)
	case HeadForward:
		// The head sinks onto the shoulders; the body stays.
		still := pose{zoom: 1, dx: p.dx - goal.dx, dy: p.dy - goal.dy}
		st.empty.CopyTo(&st.frame)
		st.paste(st.body, still)
		st.paste(st.head, p)
	default:
		// The person moves; the room stays where it is.
		st.empty.CopyTo(&st.frame)
		st.paste(st.person, p)
		if kind == SecondFace {
			pasteSecondFace(&st.frame, st.small, st.face)
		}
	}
	out := st.frame
	if opts.Lighting > 0 {
		gain := 1 + opts.Lighting*math.Sin(2*math.Pi*t/20)
		st.frame.ConvertToWithParams(&st.lit, gocv.MatTypeCV8UC3, float32(gain), 0)
		out = st.lit
	}
	if opts.Noise > 0 {
		addNoise(out, opts.Noise, rng)
	}
	return out
}

// paste draws the part of the base frame under mask into the frame, moved
// to pose p.
func (st *stage) paste(mask gocv.Mat, p pose) {
	warp(st.base, &st.moved, st.face, p)
	warp(mask, &st.movedMask, st.face, p)
	st.moved.CopyToWithMask(&st.frame, st.movedMask)
}

// glanceAmount is how far the head is down at time in of a glance segment:
// down for up to 2 s in the middle, with quick ramps.
func glanceAmount(in, length float64) float64 {
	dur := math.Min(2, length/2)
	s := (length - dur) / 2
	switch {
	case in < s || in > s+dur:
		return 0
	case in < s+0.3:
		return (in - s) / 0.3
	case in > s+dur-0.3:
		return (s + dur - in) / 0.3
	}
	return 1
}

// findFace locates the face of the base frame with vision's detector.
func findFace(path string) (monitor.Rect, error) {
	p, err := vision.OpenImages(vision.Config{Detector: vision.DetectorBlazeFace})
	if err != nil {
		return monitor.Rect{}, fmt.Errorf("generate clip: %w", err)
	}
	defer p.Close()
	obs, err := p.ObserveFile(path, 0)
	if err != nil {
		return monitor.Rect{}, fmt.Errorf("generate clip: %w", err)
	}
	if len(obs.Faces) == 0 {
		return monitor.Rect{}, fmt.Errorf("generate clip: no face in %s; use an upright webcam frame", path)
	}
	return obs.Faces[0].Box, nil
}

// warp draws base into dst scaled and rolled about the face, then shifted.
func warp(base gocv.Mat, dst *gocv.Mat, face monitor.Rect, p pose) {
	c := face.Center()
	m := gocv.GetRotationMatrix2D(image.Pt(int(c.X), int(c.Y)), p.angle, p.zoom)
	defer m.Close()
	m.SetDoubleAt(0, 2, m.GetDoubleAt(0, 2)+p.dx*face.W)
	m.SetDoubleAt(1, 2, m.GetDoubleAt(1, 2)+p.dy*face.H)
	gocv.WarpAffineWithParams(base, dst, m, image.Pt(base.Cols(), base.Rows()), gocv.InterpolationLinear, gocv.BorderReplicate, color.RGBA{})
}

// personMask roughly covers the user in the base frame: the head and hair
// around the face (withHead), the neck, and the shoulders and chest down to
// the bottom (withBody).
func personMask(base gocv.Mat, face monitor.Rect, withHead, withBody bool) gocv.Mat {
	m := gocv.NewMatWithSize(base.Rows(), base.Cols(), gocv.MatTypeCV8UC1)
	m.SetTo(gocv.NewScalar(0, 0, 0, 0))
	white := color.RGBA{255, 255, 255, 0}
	c := face.Center()
	if withHead {
		gocv.Ellipse(&m, image.Pt(int(c.X), int(c.Y-0.05*face.H)), image.Pt(int(0.62*face.W), int(0.72*face.H)), 0, 0, 360, white, -1)
	}
	if !withBody {
		return m
	}
	neckTop, shoulders := face.Y+0.8*face.H, face.Y+1.25*face.H
	body := gocv.NewPointsVectorFromPoints([][]image.Point{{
		{int(c.X - 0.3*face.W), int(neckTop)}, {int(c.X + 0.3*face.W), int(neckTop)},
		{int(c.X + 1.5*face.W), int(shoulders)}, {int(c.X + 1.7*face.W), base.Rows()},
		{int(c.X - 1.7*face.W), base.Rows()}, {int(c.X - 1.5*face.W), int(shoulders)},
	}})
	defer body.Close()
	gocv.FillPoly(&m, body, white)
	return m
}

// emptyChair is the background without the person: the strip above the head
// stretched over the frame and blurred.
func emptyChair(base gocv.Mat, face monitor.Rect) gocv.Mat {
	top := int(math.Max(8, face.Y*0.8))
	strip := base.Region(image.Rect(0, 0, base.Cols(), top))
	defer strip.Close()
	out := gocv.NewMat()
	gocv.Resize(strip, &out, image.Pt(base.Cols(), base.Rows()), 0, 0, gocv.InterpolationLinear)
	gocv.GaussianBlur(out, &out, image.Pt(31, 31), 0, 0, gocv.BorderReplicate)
	return out
}

// secondFace is a copy of the face region at 60% size.
func secondFace(base gocv.Mat, face monitor.Rect) gocv.Mat {
	r := image.Rect(int(face.X-0.2*face.W), int(face.Y-0.2*face.H), int(face.X+1.2*face.W), int(face.Y+1.2*face.H)).
		Intersect(image.Rect(0, 0, base.Cols(), base.Rows()))
	roi := base.Region(r)
	defer roi.Close()
	out := gocv.NewMat()
	gocv.Resize(roi, &out, image.Pt(r.Dx()*6/10, r.Dy()*6/10), 0, 0, gocv.InterpolationArea)
	return out
}

// pasteSecondFace puts the small face on whichever side has more room.
func pasteSecondFace(dst *gocv.Mat, small gocv.Mat, face monitor.Rect) {
	x := 8
	if face.Center().X < float64(dst.Cols())/2 {
		x = dst.Cols() - small.Cols() - 8
	}
	r := image.Rect(x, 8, x+small.Cols(), 8+small.Rows()).Intersect(image.Rect(0, 0, dst.Cols(), dst.Rows()))
	if r.Dx() != small.Cols() || r.Dy() != small.Rows() {
		return
	}
	roi := dst.Region(r)
	small.CopyTo(&roi)
	roi.Close()
}

// addNoise adds Gaussian sensor noise to an 8-bit picture in place.
func addNoise(m gocv.Mat, sd float64, rng *rand.Rand) {
	b, err := m.DataPtrUint8()
	if err != nil {
		return
	}
	for i, v := range b {
		n := float64(v) + rng.NormFloat64()*sd
		b[i] = uint8(math.Max(0, math.Min(255, n)))
	}
}
