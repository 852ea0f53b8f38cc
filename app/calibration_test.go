package app

import (
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// sitting is a well-lit observation of one face in the middle of a 640×480
// picture, at the given time, moved dx pixels sideways.
func sitting(at time.Duration, dx float64) monitor.Observation {
	f := monitor.Face{Box: monitor.Rect{X: 250 + dx, Y: 120, W: 140, H: 170}, Score: 0.9}
	return monitor.Observation{At: at, Width: 640, Height: 480, Faces: []monitor.Face{f}, Brightness: 120, Contrast: 40}
}

// failing names the checks that fail.
func failing(cs []Check) string {
	var names []string
	for _, c := range cs {
		if !c.OK {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ", ")
}

func TestTheCalibrationChecksSayWhatIsWrong(t *testing.T) {
	still := sitting(0, 0)
	twoFaces := sitting(0, 0)
	twoFaces.Faces = append(twoFaces.Faces, monitor.Face{Box: monitor.Rect{X: 30, Y: 100, W: 130, H: 160}})
	smallSecond := sitting(0, 0)
	smallSecond.Faces = append(smallSecond.Faces, monitor.Face{Box: monitor.Rect{X: 30, Y: 100, W: 40, H: 50}})
	dark := sitting(0, 0)
	dark.Brightness, dark.Contrast = 30, 8
	nobody := monitor.Observation{Width: 640, Height: 480, Brightness: 120, Contrast: 40}
	low := sitting(0, 0)
	low.Faces[0].Box.Y = 300
	for _, c := range []struct {
		name      string
		o, prev   monitor.Observation
		wantFails string
	}{
		{"one face, centred, still and lit", still, still, ""},
		{"someone beside the user", twoFaces, twoFaces, "One face found"},
		{"a small face far behind does not count", smallSecond, smallSecond, ""},
		{"nobody", nobody, nobody, "One face found, Centred, Still"},
		{"sitting far to the side", sitting(0, 220), sitting(0, 220), "Centred"},
		{"face low in the picture", low, low, "Centred"},
		{"moving", sitting(0, 30), still, "Still"},
		{"a dark room", dark, dark, "Enough light"},
	} {
		if got := failing(calibrationChecks(c.o, c.prev)); got != c.wantFails {
			t.Errorf("%s: failing %q, want %q", c.name, got, c.wantFails)
		}
	}
	for _, ch := range calibrationChecks(nobody, nobody) {
		if !ch.OK && ch.Hint == "" {
			t.Errorf("%s fails without saying what to do", ch.Name)
		}
	}
}

func TestTheCalibrationCountsDownOnlyWhileEveryCheckHolds(t *testing.T) {
	var f calibrationFlow
	step := func(o monitor.Observation) CalibrationView {
		t.Helper()
		v, b, err := f.step(o)
		if b != nil || err != nil {
			t.Fatalf("at %v the flow ended early: %v %v", o.At, b, err)
		}
		return v
	}
	half := 500 * time.Millisecond
	if v := step(sitting(0, 0)); v.Phase != Preparing {
		t.Fatalf("first frame: %v (nothing to compare stillness with yet)", v.Phase)
	}
	if v := step(sitting(half, 0)); v.Phase != Countdown || v.Left != 3 {
		t.Fatalf("checks pass: %v, %d s left", v.Phase, v.Left)
	}
	if v := step(sitting(2*half, 40)); v.Phase != Preparing {
		t.Fatalf("moving during the countdown: %v, want it to start again", v.Phase)
	}
	start := 3 * half
	if v := step(sitting(start, 40)); v.Phase != Countdown {
		t.Fatalf("still again: %v, want the countdown to start again", v.Phase)
	}
	for at := start + half; at < start+calibCountdown; at += half {
		if v := step(sitting(at, 40)); v.Phase != Countdown {
			t.Fatalf("at %v: %v, want the countdown", at, v.Phase)
		}
	}
	v := step(sitting(start+calibCountdown, 40))
	if v.Phase != Capturing {
		t.Fatalf("after the countdown: %v", v.Phase)
	}
	v = step(sitting(start+calibCountdown+2*half, 40))
	if v.Phase != Capturing || v.Progress <= 0 || v.Progress >= 1 {
		t.Errorf("capturing: %v, progress %v", v.Phase, v.Progress)
	}
}

// calibrateUpright runs the flow through the upright capture, frames every
// half second, and returns the time reached.
func calibrateUpright(t *testing.T, f *calibrationFlow) time.Duration {
	t.Helper()
	half := 500 * time.Millisecond
	at := time.Duration(0)
	for ; at <= calibCountdown+calibCapture+2*half; at += half {
		if _, b, err := f.step(sitting(at, 0)); b != nil || err != nil {
			t.Fatalf("at %v the flow ended during the upright capture: %v %v", at, b, err)
		}
	}
	return at
}

func TestAfterTheUprightCaptureTheSlouchSampleIsOfferedAndCanBeSkipped(t *testing.T) {
	choice := slouchUndecided
	f := calibrationFlow{choice: func() slouchChoice { return choice }}
	at := calibrateUpright(t, &f)
	for i := 0; i < 10; i++ { // the offer waits for an answer
		v, b, _ := f.step(sitting(at, 0))
		if v.Phase != SlouchOffer || b != nil {
			t.Fatalf("waiting for the answer: %v", v.Phase)
		}
		at += time.Second
	}
	choice = slouchSkip
	v, b, err := f.step(sitting(at, 0))
	if err != nil || b == nil || b.SlouchSample != nil || v.Phase != Calibrated {
		t.Fatalf("skipped: phase %v, baseline %+v, err %v; want calibrated without a sample", v.Phase, b, err)
	}
}

func TestARecordedSlouchSampleIsKeptWithTheBaseline(t *testing.T) {
	choice := slouchUndecided
	f := calibrationFlow{choice: func() slouchChoice { return choice }}
	at := calibrateUpright(t, &f)
	f.step(sitting(at, 0))
	choice = slouchRecord
	slumped := func(at time.Duration) monitor.Observation {
		o := sitting(at, 0)
		o.Faces[0].Box.Y += 60 // sunk by a third of the face's height
		return o
	}
	var b *monitor.Baseline
	var v CalibrationView
	phases := map[CalibrationPhase]bool{}
	for end := at + calibCountdown + slouchCapture + 2*time.Second; at < end && b == nil; at += 500 * time.Millisecond {
		var err error
		if v, b, err = f.step(slumped(at)); err != nil {
			t.Fatal(err)
		}
		phases[v.Phase] = true
	}
	if !phases[SlouchCountdown] || !phases[SlouchCapturing] {
		t.Errorf("phases seen %v: want a countdown, then the capture", phases)
	}
	if b == nil || b.SlouchSample == nil || b.SlouchSample.HeadDrop < 0.3 || !strings.Contains(v.Result, "slouch sample is saved") {
		t.Fatalf("recorded: baseline %+v, result %q; want the sunk face's drop in the sample", b, v.Result)
	}
}

func TestASlouchSampleWithoutAFaceKeepsTheUprightCalibration(t *testing.T) {
	f := calibrationFlow{choice: func() slouchChoice { return slouchRecord }}
	at := calibrateUpright(t, &f)
	var b *monitor.Baseline
	var v CalibrationView
	for end := at + calibCountdown + slouchCapture + 3*time.Second; at < end && b == nil; at += 500 * time.Millisecond {
		v, b, _ = f.step(monitor.Observation{At: at, Width: 640, Height: 480, Brightness: 120, Contrast: 40})
	}
	if b == nil || b.SlouchSample != nil || !strings.Contains(v.Result, "No slouch sample") {
		t.Fatalf("a sample without a face: baseline %+v, result %q; want the upright calibration and a word why", b, v.Result)
	}
}

func TestTheCalibrationWaitsForTheUsersStart(t *testing.T) {
	started := false
	f := calibrationFlow{ready: func() bool { return started }}
	half := 500 * time.Millisecond
	for at := time.Duration(0); at < 10*time.Second; at += half {
		v, b, _ := f.step(sitting(at, 0))
		if v.Phase != Preparing || b != nil {
			t.Fatalf("at %v, before Start: %v; calibration must not start by itself", at, v.Phase)
		}
		if at > 0 && !v.CanStart {
			t.Fatalf("at %v every check holds but Start is not offered", at)
		}
	}
	started = true
	if v, _, _ := f.step(sitting(10*time.Second, 0)); v.Phase != Countdown {
		t.Errorf("after Start: %v, want the countdown", v.Phase)
	}
}

func TestTheSavedPostureIsSaidInWords(t *testing.T) {
	b := monitor.Baseline{Width: 640, Height: 480, FaceHeight: 160, Center: monitor.Point{X: 320, Y: 200}}
	if got := calibratedText(b); got != "Your upright posture is saved: your face in the middle, at mid height in the picture, 33% of its height." {
		t.Errorf("%q", got)
	}
}
