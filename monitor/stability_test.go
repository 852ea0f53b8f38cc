package monitor

import (
	"math"
	"testing"
	"time"
)

// These specify that a frame's verdict depends on what the frame shows and
// on the calibration, never on the age of the person mask or the sampling rate.

// withMask gives an observation the silhouette a segmentation of it would
// give: a body filling the bottom, shoulders a neck gap below the chin,
// measured with the face it shows.
func withMask(o Observation, neck float64, age time.Duration) Observation {
	s := &Silhouette{Coverage: 0.4, BottomCoverage: 0.9, Top: 80}
	if len(o.Faces) > 0 {
		f := o.Faces[0].Box
		s.Face = f
		y := f.Y + f.H + 0.6*f.H*neck
		s.Shoulders = ShoulderLine{Left: Point{200, y}, Right: Point{440, y}, LeftConfidence: 1, RightConfidence: 1}
	}
	o.Silhouette, o.SilhouetteAge = s, age
	return o
}

// maskedBaseline calibrates an upright user whose silhouette was measured.
func maskedBaseline(t *testing.T) Baseline {
	t.Helper()
	var obs []Observation
	for _, o := range frames(0, segment{5 * time.Second, pose{}}) {
		obs = append(obs, withMask(o, 1, 0))
	}
	b, err := Calibrate(obs)
	if err != nil || b.SilhouetteNeckGap <= 0 {
		t.Fatalf("calibrate: %v (silhouette neck gap %.2f)", err, b.SilhouetteNeckGap)
	}
	return b
}

func TestAStillPoseGetsOneVerdictWhateverTheMaskAgeAndRate(t *testing.T) {
	b := maskedBaseline(t)
	poses := map[string]pose{
		"slid down in the chair": {lean: -0.07, drop: 0.45, neck: 0.6},
		"sitting farther back":   {lean: -0.12, drop: 0.3},
		"leaning in":             {lean: 0.3, drop: 0.2},
		"upright":                {},
		"on the edge of a slump": {drop: 0.38, neck: 0.8},
	}
	for name, p := range poses {
		for _, fps := range []float64{0.5, 1, 2, 4} {
			step := time.Duration(float64(time.Second) / fps)
			s := NewSession(b, DefaultSettings(), 0)
			var first Posture
			for i := 0; i < int(60*fps); i++ {
				at := time.Duration(i) * step
				// The mask is taken on the first frame and refreshed every
				// 16th, as the vision side does for a face that stays put.
				age := time.Duration(i%16) * step
				u := s.Step(withMask(p.observe(at), p.neckRatio(), age))
				if i == 0 {
					first = u.Posture
				}
				if u.Posture != first {
					t.Fatalf("%s at %.1f fps: frame %d (mask %.0f s old) is %s, the first was %s", name, fps, i, age.Seconds(), u.Posture, first)
				}
			}
		}
	}
}

func TestAMaskTakenWhereTheFaceNoLongerIsIsNotRead(t *testing.T) {
	b := maskedBaseline(t)
	before := pose{}.observe(0)
	stale := withMask(before, 0.4, 3*time.Second) // hunched shoulders, measured at the old face
	now := pose{drop: 0.5}.observe(time.Second)
	now.Silhouette = stale.Silhouette
	ft := Measure(now, &now.Faces[0], b)
	if ft.NeckGap != measuredNeckGapWithoutMask(t, b, now) {
		t.Fatalf("a mask of another face place gave neck gap %.2f; it must not be read", ft.NeckGap)
	}
	fresh := withMask(pose{drop: 0.5}.observe(time.Second), 0.4, 0)
	fresh.Shoulders = ShoulderLine{}
	if ft := Measure(fresh, &fresh.Faces[0], b); math.Abs(ft.NeckGap-0.4) > 0.01 {
		t.Fatalf("a mask of this face gave neck gap %.2f, want 0.40", ft.NeckGap)
	}
}

// measuredNeckGapWithoutMask is the neck gap from the classical line alone.
func measuredNeckGapWithoutMask(t *testing.T, b Baseline, o Observation) float64 {
	t.Helper()
	o.Silhouette = nil
	return Measure(o, &o.Faces[0], b).NeckGap
}

func TestNoShoulderLineIsNoEvidenceEitherWay(t *testing.T) {
	c := Classifier{Model: unitModel(), Sensitivity: Medium, Baseline: calibrated(t)}
	ft := Features{FaceFound: true, ForwardLean: -0.15, HeadDrop: 0.3}
	missing, _ := c.evidence(ft)
	ft.NeckGap = 1
	asCalibrated, _ := c.evidence(ft)
	if missing != asCalibrated {
		t.Fatalf("no shoulder line gave log-odds %.3f, a neck as calibrated %.3f: a missing line must count neither way", missing, asCalibrated)
	}
	ft.NeckGap = 0.5
	if shorter, _ := c.evidence(ft); shorter <= missing {
		t.Fatalf("a neck half as long gave log-odds %.3f, no more than none measured (%.3f): the measured body must count", shorter, missing)
	}
}

func TestTheEvidenceMovesSmoothlyWithEveryFeature(t *testing.T) {
	c := Classifier{Model: DefaultModel(), Sensitivity: Medium, Baseline: calibrated(t)}
	set := map[string]func(*Features, float64){
		"neck gap":     func(f *Features, v float64) { f.NeckGap = 0.5 + v },
		"forward lean": func(f *Features, v float64) { f.ForwardLean = v - 0.35 },
		"head drop":    func(f *Features, v float64) { f.HeadDrop = 2*v - 0.7 },
		"chin drop":    func(f *Features, v float64) { f.ChinDrop = v - 0.35 },
	}
	for name, apply := range set {
		prev := math.NaN()
		for v := 0.0; v <= 0.7; v += 0.001 {
			ft := Features{FaceFound: true, HeadDrop: 0.2, NeckGap: 0.9}
			apply(&ft, v)
			z, _ := c.evidence(ft)
			if !math.IsNaN(prev) && math.Abs(z-prev) > 0.1 {
				t.Fatalf("%s at %.3f: the log-odds jumped from %.3f to %.3f", name, v, prev, z)
			}
			prev = z
		}
	}
}

func TestAFaceOutOfThePictureStaysOutOfFrameWhateverTheMaskAge(t *testing.T) {
	s := NewSession(calibrated(t), DefaultSettings(), 0)
	for i := 0; i < 60; i++ { // one frame a second, the mask taken once when the face left
		o := withMask(pose{noFace: true}.observe(time.Duration(i)*time.Second), 0, time.Duration(i)*time.Second)
		if u := s.Step(o); u.Posture != Slouched || u.Kind != OutOfFrame {
			t.Fatalf("body in the chair, face out of the picture, mask %d s old: %s/%s, want slouched/out_of_frame", i, u.Posture, u.Kind)
		}
	}
}

func TestTheUsersFaceIsChosenByOneRuleAndTheBodyIsMeasuredUnderIt(t *testing.T) {
	faces := []Face{
		{Box: Rect{X: 400, Y: 50, W: 150, H: 150}, Score: 0.99},
		{Box: Rect{X: 100, Y: 100, W: 100, H: 100}, Score: 0.7},
	}
	OrderByUser(faces, Rect{X: 110, Y: 90, W: 100, H: 100})
	if faces[0].Score != 0.7 {
		t.Errorf("the face where the user was should come first: %+v", faces)
	}
	b := calibrated(t)
	o := pose{neck: 0.5}.observe(0)
	user := o.Faces[0]
	someone := Face{Box: Rect{X: 20, Y: 40, W: 120, H: 120}, Score: 0.95}
	o.Faces = []Face{someone, user} // the body was measured under the other face
	s := NewSession(b, DefaultSettings(), 0)
	picked := s.pickUser(o.Faces)
	if picked.Box != user.Box {
		t.Fatalf("picked %+v, want the user where they were calibrated", picked.Box)
	}
	if ft := Measure(o, picked, b); ft.NeckGap != 0 || ft.ShoulderRaise != 0 {
		t.Errorf("neck gap %.2f, shoulder raise %.2f measured under another person's face; want no body evidence", ft.NeckGap, ft.ShoulderRaise)
	}
}
