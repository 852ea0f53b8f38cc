package monitor

import (
	"testing"
	"time"
)

// covered renders a covered lens: dark, flat and nobody in it.
func coveredAt(at time.Duration) Observation {
	return Observation{At: at, Width: simW, Height: simH, Brightness: 4, Contrast: 1.5}
}

func coveredFrames(start, d time.Duration) []Observation {
	var obs []Observation
	for t := start; t < start+d; t += frameStep {
		obs = append(obs, coveredAt(t))
	}
	return obs
}

func TestACoveredLensIsCameraCoveredNotAway(t *testing.T) {
	sess := NewSession(calibrated(t), DefaultSettings(), s(5))
	var ups []Update
	for _, o := range frames(s(5), segment{s(10), upright}) {
		ups = append(ups, sess.Step(o))
	}
	for _, o := range coveredFrames(s(15), s(60)) {
		ups = append(ups, sess.Step(o))
	}
	last := ups[len(ups)-1]
	if !last.CameraCovered || last.State == Away {
		t.Fatalf("a minute covered: covered %v, state %s; want covered and not away", last.CameraCovered, last.State)
	}
	if got := sess.Tally().Away; got != 0 {
		t.Errorf("covered time booked as away: %v", got)
	}
	// The first 2 s may be an exposure change; after that, covered.
	for _, u := range ups {
		if u.At >= s(17.5) && !u.CameraCovered {
			t.Errorf("at %v not covered", u.At)
			break
		}
	}
}

func TestADarkRoomWithTheUserInItIsNotCovered(t *testing.T) {
	sess := NewSession(calibrated(t), DefaultSettings(), s(5))
	for _, o := range frames(s(5), segment{s(20), upright}) {
		o.Brightness, o.Contrast = 8, 3
		if u := sess.Step(o); u.CameraCovered {
			t.Fatalf("at %v a face was seen yet the camera counts as covered", o.At)
		}
	}
}

func TestUncoveringResumesWithoutAnInstantAlert(t *testing.T) {
	set := DefaultSettings()
	sess := NewSession(calibrated(t), set, s(5))
	var ups []Update
	step := func(obs []Observation) {
		for _, o := range obs {
			ups = append(ups, sess.Step(o))
		}
	}
	step(frames(s(5), segment{s(15), leaning}))  // a slouch under way, short of the onset
	step(coveredFrames(s(20), s(30)))            // covered for 30 s
	step(frames(s(50), segment{s(10), leaning})) // the same slouch seen again
	for _, u := range ups {
		if u.Alert {
			t.Fatalf("alert at %v: the onset must count from when the user is seen again", u.At)
		}
	}
	last := ups[len(ups)-1]
	if last.CameraCovered || last.State != Slouched {
		t.Errorf("after uncovering: covered %v, state %s; want slouched", last.CameraCovered, last.State)
	}
}

func TestABriefDarkMomentIsNothing(t *testing.T) {
	sess := NewSession(calibrated(t), DefaultSettings(), s(5))
	obs := frames(s(5), segment{s(5), upright})
	obs = append(obs, coveredFrames(s(10), s(1.5))...)
	obs = append(obs, frames(s(11.5), segment{s(5), upright})...)
	for _, o := range obs {
		if u := sess.Step(o); u.CameraCovered {
			t.Fatalf("at %v: 1.5 s of darkness counted as a covered lens", o.At)
		}
	}
}
