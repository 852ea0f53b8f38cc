package monitor

import (
	"errors"
	"testing"
	"time"
)

func TestEachKindOfSlouchIsRecognised(t *testing.T) {
	b := calibrated(t)
	c := Classifier{Model: DefaultModel(), Sensitivity: Medium, Baseline: b}
	cases := []struct {
		name string
		p    pose
		want SlouchKind
	}{
		{"leaning in", pose{lean: 0.3, drop: 0.1}, LeaningIn},
		{"slid down and back, smaller and lower", pose{lean: -0.15, drop: 0.45, neck: 0.8}, Slumped},
		{"sunk in the chair", pose{drop: 0.6, neck: 0.8}, Slumped},
		{"sunk in the chair, shoulders not seen", pose{drop: 0.5, noShoulders: true}, Slumped},
		{"chin towards the keyboard", pose{chin: 0.35}, Hunched},
		{"head on one side", pose{roll: 25, shift: 0.3}, Tilted},
	}
	for _, tc := range cases {
		o := tc.p.observe(0)
		j := c.Classify(Measure(o, &o.Faces[0], b), false)
		if j.Posture != Slouched || j.Kind != tc.want {
			t.Errorf("%s: got %s/%q (score %.2f), want slouched/%s", tc.name, j.Posture, j.Kind, j.Score, tc.want)
		}
		if j.Score < 0.5 {
			t.Errorf("%s: score %.2f, want at least 0.5 for a slouch", tc.name, j.Score)
		}
	}
}

// Sitting farther back (a smaller, lower face) and the chair moved closer (a
// larger, higher face) are not here: from the face alone they look like
// sliding down and leaning in, and the fitted judgement reads them so (see
// the README's limits).
func TestUprightButAliveIsNotASlouch(t *testing.T) {
	b := calibrated(t)
	c := Classifier{Model: DefaultModel(), Sensitivity: Medium, Baseline: b}
	for name, p := range map[string]pose{
		"as calibrated":        {},
		"a little closer":      {lean: 0.07},
		"sitting back a bit":   {lean: -0.1, drop: 0.05},
		"standing up":          {lean: -0.2, drop: -1.2},
		"turned to a screen":   {shift: 0.5, roll: 4},
		"talking, chin moving": {chin: 0.1},
	} {
		o := p.observe(0)
		if j := c.Classify(Measure(o, &o.Faces[0], b), false); j.Posture != Upright {
			t.Errorf("%s: got %s/%s (score %.2f), want upright", name, j.Posture, j.Kind, j.Score)
		}
	}
}

func TestSensitivityMovesTheLine(t *testing.T) {
	b := calibrated(t)
	line := map[Sensitivity]float64{}
	for _, s := range []Sensitivity{Low, Medium, High} {
		c := Classifier{Model: DefaultModel(), Sensitivity: s, Baseline: b}
		for lean := 0.0; lean < 1; lean += 0.005 {
			o := pose{lean: lean}.observe(0)
			if c.Classify(Measure(o, &o.Faces[0], b), false).Posture == Slouched {
				line[s] = lean
				break
			}
		}
	}
	if !(line[High] > 0 && line[High] < line[Medium] && line[Medium] < line[Low]) {
		t.Errorf("the lean that first reads slouched: high %.3f, medium %.3f, low %.3f; want 0 < high < medium < low", line[High], line[Medium], line[Low])
	}
	if _, err := ParseSensitivity("extreme"); err == nil {
		t.Error("ParseSensitivity accepted an unknown name")
	}
}

func TestCalibrationRefusesWhatItCannotTrust(t *testing.T) {
	if _, err := Calibrate(frames(0, segment{5 * time.Second, pose{noFace: true}})); !errors.Is(err, ErrNoFace) {
		t.Errorf("no face: got %v", err)
	}
	two := pose{second: &pose{shift: 2, lean: -0.1}}
	if _, err := Calibrate(frames(0, segment{5 * time.Second, two})); !errors.Is(err, ErrTwoFaces) {
		t.Errorf("two faces: got %v", err)
	}
	var restless []segment
	for i := 0; i < 10; i++ {
		restless = append(restless, segment{500 * time.Millisecond, pose{lean: float64(i%3) * 0.25, drop: float64(i%4) * 0.4}})
	}
	if _, err := Calibrate(frames(0, restless...)); !errors.Is(err, ErrTooRestless) {
		t.Errorf("restless: got %v", err)
	}
	small := pose{second: &pose{shift: 2, lean: -0.6}}
	if _, err := Calibrate(frames(0, segment{5 * time.Second, small})); err != nil {
		t.Errorf("a smaller face in the background should not stop calibration: %v", err)
	}
}

func TestCalibrationTakesMediansOverNaturalMovement(t *testing.T) {
	var segs []segment
	for i := 0; i < 10; i++ {
		segs = append(segs, segment{500 * time.Millisecond, pose{lean: 0.03 * float64(i%3-1), drop: 0.05 * float64(i%3-1)}})
	}
	segs = append(segs, segment{500 * time.Millisecond, pose{drop: 1}}) // one outlier: a glance
	b, err := Calibrate(frames(0, segs...))
	if err != nil {
		t.Fatal(err)
	}
	if d := b.Center.Y - 200; d > 5 || d < -5 {
		t.Errorf("baseline face centre y = %.1f, want 200 ± 5 (the glance must not pull it)", b.Center.Y)
	}
	if b.NeckGap < 0.55 || b.NeckGap > 0.65 {
		t.Errorf("baseline neck gap %.2f face heights, want 0.6", b.NeckGap)
	}
}

func TestRaisedShouldersAreMeasuredApartFromADroppedChin(t *testing.T) {
	b := calibrated(t)
	shrug := pose{neck: 0.6}.observe(0)
	if r := Measure(shrug, &shrug.Faces[0], b).ShoulderRaise; r < 0.15 {
		t.Errorf("shoulders drawn up: raise %.2f, want at least 0.15", r)
	}
	chin := pose{chin: 0.35}.observe(0)
	if r := Measure(chin, &chin.Faces[0], b).ShoulderRaise; r > 0.05 || r < -0.05 {
		t.Errorf("chin dropped, shoulders still: raise %.2f, want about 0", r)
	}
}
