package monitor

import (
	"testing"
	"time"
)

// These specify the postures real people show, as the features see them.

func TestHeadOnOneSideLeaningOnAnElbowIsTilted(t *testing.T) {
	elbow := pose{roll: 30, shift: 0.6, drop: 0.3}
	ups := run(t, DefaultSettings(), segment{s(5), upright}, segment{s(30), elbow})
	last := ups[len(ups)-1]
	if last.State != Slouched || last.StateKind != Tilted || alerts(ups) != 1 {
		t.Fatalf("head on one side: state %s/%s with %d alerts, want slouched/tilted with 1", last.State, last.StateKind, alerts(ups))
	}
}

func TestAFaceThatSlidOutAtTheEdgeIsOutOfPositionEvenWithoutASilhouette(t *testing.T) {
	atBottom := pose{drop: 1.9, lean: 0.2} // the face reaches the bottom edge
	ups := run(t, DefaultSettings(), segment{s(5), upright}, segment{s(2), atBottom}, segment{s(2), pose{noFace: true}})
	last := ups[len(ups)-1]
	if last.Posture != Slouched || last.Kind != OutOfFrame {
		t.Fatalf("face gone just after touching the edge: %s/%s, want slouched/out_of_frame", last.Posture, last.Kind)
	}
}

func TestAnEmptyChairIsAwayEvenRightAfterAnUprightFace(t *testing.T) {
	ups := run(t, DefaultSettings(), segment{s(5), upright}, segment{s(10), pose{noFace: true}})
	if last := ups[len(ups)-1]; last.State != Away || last.Kind == OutOfFrame {
		t.Fatalf("empty chair: state %s kind %s, want away", last.State, last.Kind)
	}
}

// moved renders a pose after the camera was moved: the user appears shifted
// and the room in the thumbnail slid sideways.
func moved(p pose) func(time.Duration) Observation {
	return func(at time.Duration) Observation {
		p.shift += 0.8
		p.drop += 0.5
		o := p.observe(at)
		o.Scene = roomScene(6)
		return o
	}
}

// roomScene is a textured 32×24 thumbnail of a room, slid right by dx pixels.
func roomScene(dx int) Scene {
	sc := Scene{W: 32, H: 24, Pix: make([]float32, 32*24)}
	for y := 0; y < 24; y++ {
		for x := 0; x < 32; x++ {
			u := x - dx
			sc.Pix[y*32+x] = float32(0.3 + 0.4*float64((u/3+y/4)%2) + 0.1*float64(u%5)/5)
		}
	}
	return sc
}

// calibratedInRoom calibrates an upright user in front of roomScene(0).
func calibratedInRoom(t *testing.T) Baseline {
	t.Helper()
	var calib []Observation
	for at := time.Duration(0); at < s(5); at += frameStep {
		o := upright.observe(at)
		o.Scene = roomScene(0)
		calib = append(calib, o)
	}
	b, err := Calibrate(calib)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAMovedCameraIsReportedNotAlerted(t *testing.T) {
	sess := NewSession(calibratedInRoom(t), DefaultSettings(), s(5))
	var first time.Duration = -1
	n := 0
	for at := s(5); at < s(65); at += frameStep {
		u := sess.Step(moved(upright)(at))
		if u.SetupChanged && first < 0 {
			first = at - s(5)
		}
		if u.Alert {
			n++
		}
	}
	if first < 0 || first > 10*time.Second {
		t.Errorf("camera moved: setup_changed first at %v, want within 10 s", first)
	}
	if n != 0 {
		t.Errorf("%d alerts for an upright user after the camera moved, want none", n)
	}
}

// After the camera moved, where the face is in the picture says nothing, but
// how large it is and how it holds itself still do: leaning in (a larger
// face) alerts once, while the upright user in the same moved picture (see
// above) does not.
func TestASlouchAfterTheCameraMovedStillAlerts(t *testing.T) {
	sess := NewSession(calibratedInRoom(t), DefaultSettings(), s(5))
	reported := false
	for at := s(5); at < s(50); at += frameStep {
		u := sess.Step(moved(pose{lean: 0.3})(at))
		reported = reported || u.SetupChanged
	}
	if !reported {
		t.Error("the moved camera was not reported")
	}
	if n := sess.Tally().Alerts; n != 1 {
		t.Errorf("%d alerts for a 45 s lean towards a moved camera, want 1", n)
	}
}

// A user whose own slouch sample sinks and leans in, slouching that way
// after the camera moved, still gets one alert: with the face's place no
// evidence, their sample's sinking is left out of the way towards it too,
// and what is left (the larger face, the chin) is all the way there.
func TestASampledSlouchAfterTheCameraMovedStillAlerts(t *testing.T) {
	b := calibratedInRoom(t)
	slouch := pose{lean: 0.08, drop: 0.3, chin: 0.04}
	o := slouch.observe(0)
	sample := Measure(o, &o.Faces[0], b)
	b.SlouchSample = &sample
	sess := NewSession(b, DefaultSettings(), s(5))
	reported := false
	for at := s(5); at < s(50); at += frameStep {
		u := sess.Step(moved(slouch)(at))
		reported = reported || u.SetupChanged
	}
	if !reported {
		t.Error("the moved camera was not reported")
	}
	if n := sess.Tally().Alerts; n != 1 {
		t.Errorf("%d alerts for a 45 s sampled slouch towards a moved camera, want 1", n)
	}
}

func TestTheRoomLightingChangingIsNotAMovedCamera(t *testing.T) {
	sess := NewSession(calibratedInRoom(t), DefaultSettings(), s(5))
	for at := s(5); at < s(40); at += frameStep {
		o := leaning.observe(at)
		o.Scene = roomScene(0)
		for i := range o.Scene.Pix {
			o.Scene.Pix[i] = o.Scene.Pix[i]*0.6 + 0.05 // dimmer, as when a cloud passes
		}
		if u := sess.Step(o); u.SetupChanged {
			t.Fatalf("at %v a dimmer room with a slouching user was taken for a moved camera", at)
		}
	}
	if sess.Tally().Alerts != 1 {
		t.Errorf("%d alerts for a 35 s slouch, want 1", sess.Tally().Alerts)
	}
}

func TestARestlessCalibrationIsFlaggedButUsable(t *testing.T) {
	var segs []segment
	for i := 0; i < 10; i++ {
		segs = append(segs, segment{500 * time.Millisecond, pose{lean: 0.06 * float64(i%3-1), drop: 0.15 * float64(i%3-1)}})
	}
	b, err := Calibrate(frames(0, segs...))
	if err != nil {
		t.Fatalf("natural movement refused: %v", err)
	}
	if !b.Restless {
		t.Error("a calibration that moved this much should be flagged as restless")
	}
}
