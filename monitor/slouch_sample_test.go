package monitor

import (
	"math"
	"testing"
	"time"
)

// A slouch sample where, in just over half the frames, something else was
// taken for the shoulders right under the chin (a chair back) and the head
// turned one way and then the other: the user's slouch is what every frame
// shows (the head 0.3 face heights lower, the neck gap at 0.85 of upright),
// not the chair and not the turn.
func TestASlouchSampleIsWhatMostOfItAgreesOn(t *testing.T) {
	b := calibrated(t)
	slouch := pose{drop: 0.3, neck: 0.85}
	chair := slouch
	chair.neck = 0.05
	left, right := slouch, chair
	left.shift, right.shift = -0.3, 0.3
	obs := frames(0, segment{4500 * time.Millisecond, left}, segment{5500 * time.Millisecond, right})
	s, err := MeasureSlouchSample(obs, b)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(s.HeadDrop-0.3) > 0.02 {
		t.Errorf("head drop %.3f, want the 0.3 every frame shows", s.HeadDrop)
	}
	if math.Abs(s.NeckGap-0.85) > 0.02 {
		t.Errorf("neck gap %.3f, want the 0.85 every frame reaches, not the chair's 0.05 of 11 frames in 20", s.NeckGap)
	}
	if s.HeadShift != 0 {
		t.Errorf("head shift %.3f: a head turned both ways is no direction of the user's slouch", s.HeadShift)
	}
}

func TestAgreedDeparture(t *testing.T) {
	for _, c := range []struct {
		name    string
		xs      []float64
		upright float64
		want    float64
	}{
		{"all past upright", []float64{0.3, 0.4, 0.5, 0.6, 0.7}, 0, 0.4},
		{"all below upright", []float64{0.9, 0.8, 0.7, 0.6, 0.5}, 1, 0.8},
		{"split both ways", []float64{-0.4, -0.3, 0.3, 0.4}, 0, 0},
		{"half the frames only", []float64{0, 0, 0, 0.5, 0.5, 0.5}, 0, 0},
		{"none", nil, 1, 1},
	} {
		if got := agreedDeparture(c.xs, c.upright); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v about %v gives %v, want %v", c.name, c.xs, c.upright, got, c.want)
		}
	}
}
