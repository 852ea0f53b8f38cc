package monitor

import (
	"testing"
	"time"
)

var (
	upright = pose{}
	leaning = pose{lean: 0.3, drop: 0.1}
	glance  = pose{drop: 0.7, chin: 0.4}
	empty   = pose{noFace: true}
)

func s(n float64) time.Duration { return time.Duration(n * float64(time.Second)) }

func TestAGlanceAtTheKeyboardNeverAlerts(t *testing.T) {
	set := DefaultSettings()
	set.Onset = 2 * time.Second // even with an impatient onset
	var segs []segment
	for i := 0; i < 20; i++ {
		segs = append(segs, segment{s(10), upright}, segment{s(2.5), glance})
	}
	ups := run(t, set, segs...)
	if n := alerts(ups); n != 0 {
		t.Fatalf("%d alerts during upright sitting with glances, want none", n)
	}
	for _, u := range ups {
		if u.State != Upright {
			t.Fatalf("state %s at %v: a glance changed the state", u.State, u.At)
		}
	}
}

func TestASustainedSlouchAlertsOnceAfterTheOnset(t *testing.T) {
	ups := run(t, DefaultSettings(), segment{s(10), upright}, segment{s(60), leaning}, segment{s(10), upright})
	var first time.Duration
	for _, u := range ups {
		if u.Alert {
			first = u.At
			break
		}
	}
	if n := alerts(ups); n != 1 {
		t.Fatalf("%d alerts for one 60 s slouch, want exactly 1", n)
	}
	if want := s(15 + 20); first < want || first > want+time.Second {
		t.Errorf("alert at %v, want 20 s after the slouch began (%v)", first, want)
	}
	last := ups[len(ups)-1]
	if last.State != Upright {
		t.Errorf("after sitting up again the state is %s, want upright", last.State)
	}
	if ups[40].StateKind != LeaningIn {
		t.Errorf("state kind %q, want leaning_in", ups[40].StateKind)
	}
}

func TestEachSeparateSlouchAlertsAgain(t *testing.T) {
	ups := run(t, DefaultSettings(),
		segment{s(10), upright}, segment{s(30), leaning}, segment{s(10), upright}, segment{s(30), leaning}, segment{s(5), upright})
	if n := alerts(ups); n != 2 {
		t.Fatalf("%d alerts for two separate slouches, want 2", n)
	}
}

func TestALongSlouchIsRemindedAfterTheCooldown(t *testing.T) {
	set := DefaultSettings()
	set.Repeat = time.Minute
	ups := run(t, set, segment{s(20 + 60*3 + 1), leaning})
	if n := alerts(ups); n != 4 {
		t.Fatalf("%d alerts over 3 min 20 s of slouching with a 1 min cooldown, want 4 (20 s, 80 s, 140 s, 200 s)", n)
	}
}

func TestAShortSlouchShorterThanTheOnsetDoesNotAlert(t *testing.T) {
	ups := run(t, DefaultSettings(), segment{s(15), leaning}, segment{s(10), upright})
	if n := alerts(ups); n != 0 {
		t.Fatalf("%d alerts for a 15 s slouch with a 20 s onset", n)
	}
	if ups[20].State != Slouched {
		t.Errorf("the state should still show the slouch (got %s)", ups[20].State)
	}
}

func TestFlickersWithinASlouchDoNotRestartTheOnset(t *testing.T) {
	var segs []segment
	for i := 0; i < 6; i++ {
		segs = append(segs, segment{s(4.5), leaning}, segment{s(0.5), upright})
	}
	if n := alerts(run(t, DefaultSettings(), segs...)); n != 1 {
		t.Fatalf("%d alerts for a 30 s slouch with one-frame flickers, want 1", n)
	}
}

func TestAnEmptyChairIsAwayAfterAFewSeconds(t *testing.T) {
	ups := run(t, DefaultSettings(), segment{s(5), upright}, segment{s(20), empty}, segment{s(5), upright})
	at := func(sec float64) Update { return ups[int(sec*2)] } // sec after calibration
	if u := at(6); u.State != Upright || u.Posture != Away {
		t.Errorf("1 s after leaving: state %s posture %s, want upright state, away posture", u.State, u.Posture)
	}
	if u := at(12); u.State != Away {
		t.Errorf("7 s after leaving: state %s, want away", u.State)
	}
	if u := at(26); u.State != Upright {
		t.Errorf("back in the chair: state %s, want upright", u.State)
	}
}

func TestAFaceThatLeftThePictureIsOutOfPositionNotAway(t *testing.T) {
	ups := run(t, DefaultSettings(), segment{s(5), upright}, segment{s(30), pose{noFace: true, present: true}})
	last := ups[len(ups)-1]
	if last.State != Slouched || last.StateKind != OutOfFrame {
		t.Fatalf("body in the chair, face out of the picture: state %s/%s, want slouched/out_of_frame", last.State, last.StateKind)
	}
	if alerts(ups) != 1 {
		t.Errorf("%d alerts, want 1", alerts(ups))
	}
}

func TestTheUserIsTheFaceNearestTheCalibratedPosition(t *testing.T) {
	passer := pose{shift: -1.5, lean: 0.4, drop: 0.5} // someone behind, off to the side
	withPasser := upright
	withPasser.second = &passer
	ups := run(t, DefaultSettings(), segment{s(40), withPasser})
	if n := alerts(ups); n != 0 {
		t.Fatalf("%d alerts: a second face was taken for the user", n)
	}
	if ups[10].Face.Box.Center().X != 320 {
		t.Errorf("user face centre x = %.0f, want 320", ups[10].Face.Box.Center().X)
	}
}

func TestTheTallyAccountsForEverySecond(t *testing.T) {
	sess := NewSession(calibrated(t), DefaultSettings(), s(5))
	for _, o := range frames(s(5), segment{s(30), upright}, segment{s(40), leaning}, segment{s(20), empty}, segment{s(10), upright}) {
		sess.Step(o)
	}
	tl := sess.Tally()
	if got, want := tl.Monitored(), s(100)-frameStep; got != want {
		t.Errorf("monitored %v, want %v", got, want)
	}
	if tl.Upright < s(35) || tl.Slouched < s(35) || tl.Away < s(14) {
		t.Errorf("tally upright %v slouched %v away %v: too little of each", tl.Upright, tl.Slouched, tl.Away)
	}
	if tl.SlouchedByKind[LeaningIn] != tl.Slouched {
		t.Errorf("slouched by kind %v does not add up to %v", tl.SlouchedByKind, tl.Slouched)
	}
	if tl.Alerts != 1 || tl.LongestUpright < s(30)-frameStep {
		t.Errorf("alerts %d, longest upright %v", tl.Alerts, tl.LongestUpright)
	}
}
