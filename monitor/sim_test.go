package monitor

import (
	"math"
	"testing"
	"time"
)

// pose is a synthetic user's posture relative to calibration, used to build
// observations the way a webcam would see them.
type pose struct {
	lean        float64 // face larger by this fraction
	drop        float64 // face lower by this many face heights
	shift       float64 // face sideways by this many face heights
	roll        float64 // degrees
	chin        float64 // mouth closer to the eyes by this fraction
	neck        float64 // neck gap as a fraction of the calibrated one (0 = as calibrated)
	noFace      bool
	noShoulders bool
	present     bool // the body still fills the bottom of the picture
	second      *pose
}

const simW, simH = 640, 480

// observe renders a pose as an Observation of a 640x480 frame where the
// calibrated face is 140 px tall, centred at (320, 200).
func (p pose) observe(at time.Duration) Observation {
	o := Observation{At: at, Width: simW, Height: simH, Brightness: 120, Contrast: 40}
	if p.present {
		o.Silhouette = &Silhouette{Coverage: 0.4, BottomCoverage: 0.9, Top: 100}
	}
	if p.noFace {
		return o
	}
	o.Faces = []Face{p.face()}
	if p.second != nil {
		o.Faces = append(o.Faces, p.second.face())
	}
	f := o.Faces[0]
	chin := f.Box.Y + f.Box.H
	gap := 0.6 * f.Box.H * p.neckRatio()
	if p.noShoulders {
		return o
	}
	o.Shoulders = ShoulderLine{Left: Point{200, chin + gap}, Right: Point{440, chin + gap}, LeftConfidence: 0.9, RightConfidence: 0.9}
	return o
}

// neckRatio is the pose's neck gap against calibration (1 when unset).
func (p pose) neckRatio() float64 {
	if p.neck > 0 {
		return p.neck
	}
	return 1
}

func (p pose) face() Face {
	h := 140 * (1 + p.lean)
	cx, cy := 320+p.shift*140, 200+p.drop*140
	f := Face{Box: Rect{cx - h/2, cy - h/2, h, h}, Score: 0.9, HasLandmarks: true}
	e := h * 0.3 // half the eye distance
	rot := func(dx, dy float64) Point {
		a := p.roll * math.Pi / 180
		return Point{cx + dx*math.Cos(a) - dy*math.Sin(a), cy + dx*math.Sin(a) + dy*math.Cos(a)}
	}
	mouth := 0.55 * 2 * e * (1 - p.chin)
	f.Landmarks = [landmarkCount]Point{
		rot(-e, -0.15*h), rot(e, -0.15*h), rot(0, 0.05*h),
		rot(0, -0.15*h+mouth), rot(-0.45*h, -0.1*h), rot(0.45*h, -0.1*h),
	}
	return f
}

// script is a sequence of (duration, pose) segments sampled at 2 fps.
type segment struct {
	d time.Duration
	p pose
}

const frameStep = 500 * time.Millisecond

func frames(start time.Duration, segs ...segment) []Observation {
	var obs []Observation
	t := start
	for _, s := range segs {
		for end := t + s.d; t < end; t += frameStep {
			obs = append(obs, s.p.observe(t))
		}
	}
	return obs
}

func calibrated(t *testing.T) Baseline {
	t.Helper()
	b, err := Calibrate(frames(0, segment{5 * time.Second, pose{}}))
	if err != nil {
		t.Fatalf("calibrate: %v", err)
	}
	return b
}

// run feeds a script after a 5 s calibration and returns every update.
func run(t *testing.T, set Settings, segs ...segment) []Update {
	t.Helper()
	s := NewSession(calibrated(t), set, 5*time.Second)
	var ups []Update
	for _, o := range frames(5*time.Second, segs...) {
		ups = append(ups, s.Step(o))
	}
	return ups
}

func alerts(ups []Update) int {
	n := 0
	for _, u := range ups {
		if u.Alert {
			n++
		}
	}
	return n
}
