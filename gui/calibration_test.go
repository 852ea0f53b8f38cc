package gui

import (
	"image"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hunch-posture/hunch/monitor"
)

// seated is an observation of someone sitting well in a 640×480 picture.
func seated() monitor.Observation {
	f := monitor.Face{Box: monitor.Rect{X: 250, Y: 120, W: 140, H: 170}, HasLandmarks: true, Score: 0.9}
	for i, p := range [][2]float64{{290, 180}, {350, 180}, {320, 215}, {320, 250}, {262, 195}, {378, 195}} {
		f.Landmarks[i] = monitor.Point{X: p[0], Y: p[1]}
	}
	return monitor.Observation{Width: 640, Height: 480, Faces: []monitor.Face{f}, Brightness: 120, Contrast: 40,
		Shoulders: monitor.ShoulderLine{Left: monitor.Point{X: 170, Y: 390}, Right: monitor.Point{X: 470, Y: 392},
			LeftConfidence: 0.9, RightConfidence: 0.9}}
}

// room is a stand-in camera picture, half the camera's size: a wall going
// from light to darker and a desk.
func room() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	for y := 0; y < 240; y++ {
		for x := 0; x < 320; x++ {
			c := color.RGBA{uint8(200 - y/3), uint8(190 - y/3), uint8(170 - y/4), 0xff}
			if y > 200 {
				c = color.RGBA{0x6b, 0x4f, 0x35, 0xff}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func checks(still bool) []Check {
	return []Check{{Name: "One face found", OK: true}, {Name: "Centred", OK: true},
		{Name: "Still", OK: still, Hint: "hold still for a moment"}, {Name: "Enough light", OK: true}}
}

func TestTheCalibrationScreenShowsThePictureTheChecksAndTheCountdown(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.Apply(ShowCalibration{Reason: "Hunch has no calibration for camera 0 yet."})
	u.Apply(CalibrationView{Obs: seated(), Frame: room(), Checks: checks(false), Phase: Preparing})
	c := u.calib
	if got := c.phase.Text; got != "Waiting for the checks…" {
		t.Errorf("phase %q", got)
	}
	if b := c.buf.Bounds(); b.Dx() != 320 || b.Dy() != 240 {
		t.Errorf("the preview should be the picture's size, got %v", b)
	}
	if got := c.buf.RGBAAt(5, 5); got.R < 150 || got.B > 200 {
		t.Errorf("the preview shows no picture: %v", got)
	}
	if got := c.buf.RGBAAt(125, 80); got != overlayFace {
		t.Errorf("no face box drawn over the picture at its scaled place: %v", got)
	}
	u.Apply(CalibrationView{Obs: seated(), Frame: room(), Checks: checks(true), Phase: Countdown, Left: 2})
	if got := c.phase.Text; got != "Hold still… 2" {
		t.Errorf("phase %q", got)
	}
	c.w.Resize(fyne.NewSize(900, 580))
	test.AssertRendersToMarkup(t, "calibration_countdown.xml", c.w.Canvas())
	test.AssertRendersToImage(t, "calibration_countdown.png", c.w.Canvas())
}

func TestTheCalibrationFlowEndsWithDoneOrTryAgain(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	if in.last() != "calibrate" || u.calib == nil {
		t.Fatalf("Calibrate… forwarded %v", in.calls)
	}
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Capturing, Progress: 0.4})
	if c.progress.Value != 0.4 || c.done.Visible() || c.again.Visible() {
		t.Errorf("capturing: progress %v, done %v, again %v", c.progress.Value, c.done.Visible(), c.again.Visible())
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(false), Phase: Failed, Result: "Not calibrated: you moved too much"})
	if !c.again.Visible() || c.done.Visible() || c.result.Text != "Not calibrated: you moved too much" {
		t.Errorf("failed: again %v, done %v, result %q", c.again.Visible(), c.done.Visible(), c.result.Text)
	}
	test.Tap(c.again)
	if in.last() != "calibrate" {
		t.Errorf("Try again forwarded %q", in.last())
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if !c.done.Visible() || c.progress.Value != 1 {
		t.Errorf("calibrated: done %v, progress %v", c.done.Visible(), c.progress.Value)
	}
	cancel := findButton(c.w.Content(), "Cancel")
	test.Tap(cancel)
	if in.last() != "cancel calibration" {
		t.Errorf("Cancel forwarded %q", in.last())
	}
}

// TestWhyTheScreenOpenedGoesOnceCalibrated: the warning the screen opened
// with ("no calibration yet") stays through the capture and is gone with
// the result, which answers it.
func TestWhyTheScreenOpenedGoesOnceCalibrated(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.Apply(ShowCalibration{Reason: "Hunch has no calibration for the recording clip.avi yet."})
	c := u.calib
	if c == nil || !c.reason.Visible() {
		t.Fatal("the calibration screen opened without its reason")
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Capturing, Progress: 0.5})
	if !c.reason.Visible() {
		t.Error("the reason went during the capture")
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if c.reason.Visible() {
		t.Errorf("calibrated, the screen still says %q", c.reason.Text)
	}
}

func TestTheSlouchSampleIsOfferedWithRecordAndSkip(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: SlouchOffer})
	if !c.record.Visible() || !c.skip.Visible() || c.done.Visible() || c.result.Text != slouchOffer {
		t.Fatalf("the offer: record %v, skip %v, done %v, text %q", c.record.Visible(), c.skip.Visible(), c.done.Visible(), c.result.Text)
	}
	test.Tap(c.record)
	if in.last() != "sample slouch true" {
		t.Errorf("Record my slouch forwarded %v", in.calls)
	}
	test.Tap(c.skip)
	if in.last() != "sample slouch false" {
		t.Errorf("Skip forwarded %v", in.calls)
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: SlouchCapturing, Progress: 0.5})
	if c.record.Visible() || c.skip.Visible() || c.progress.Value != 0.5 || c.phase.Text != "Capturing your slouch — stay like that" {
		t.Errorf("capturing the slouch: record %v, skip %v, progress %v, phase %q", c.record.Visible(), c.skip.Visible(), c.progress.Value, c.phase.Text)
	}
	c.w.Resize(fyne.NewSize(900, 580))
	u.Apply(CalibrationView{Obs: seated(), Frame: room(), Checks: checks(true), Phase: SlouchOffer})
	test.AssertRendersToMarkup(t, "calibration_slouch_offer.xml", c.w.Canvas())
	test.AssertRendersToImage(t, "calibration_slouch_offer.png", c.w.Canvas())
}

func TestAfterCalibrationATrayUserIsToldWhereHunchWent(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.tray = &fakeTray{} // the test driver has none of its own
	u.StartCalibration()
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if got := u.calib.result.Text; !strings.Contains(got, "system tray") {
		t.Errorf("after calibrating with a tray: %q", got)
	}
}

// fakeTray stands in for a desktop's system tray.
type fakeTray struct{ menu *fyne.Menu }

func (f *fakeTray) SetSystemTrayMenu(m *fyne.Menu)  { f.menu = m }
func (f *fakeTray) SetSystemTrayIcon(fyne.Resource) {}
func (f *fakeTray) SetSystemTrayWindow(fyne.Window) {}

func TestStartIsOfferedOnceTheChecksHoldAndReturnPressesIt(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(false), Phase: Preparing})
	if !c.start.Visible() || !c.start.Disabled() {
		t.Fatalf("a check fails: Start shown %v, disabled %v; want shown, disabled", c.start.Visible(), c.start.Disabled())
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Preparing, CanStart: true})
	if c.start.Disabled() || c.phase.Text != "Sit upright, then press Start" {
		t.Fatalf("every check holds: Start disabled %v, phase %q", c.start.Disabled(), c.phase.Text)
	}
	test.Tap(c.start)
	if in.last() != "begin calibration" {
		t.Errorf("Start forwarded %v", in.calls)
	}
	in.calls = nil
	c.w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if in.last() != "begin calibration" {
		t.Errorf("Return forwarded %v", in.calls)
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Countdown, Left: 3})
	if c.start.Visible() {
		t.Error("Start is still offered during the countdown")
	}
}

func TestDoneOrClosingAfterTheResultLetsAlertsCome(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if c.cancel.Visible() {
		t.Error("Cancel is offered after the calibration is saved")
	}
	test.Tap(c.done)
	if in.last() != "calibration done" {
		t.Errorf("Done forwarded %v", in.calls)
	}
	u.StartCalibration()
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	c.closeRequested() // the window's close button
	if in.last() != "calibration done" {
		t.Errorf("closing after the result forwarded %v, want Done", in.calls)
	}
	u.StartCalibration()
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Capturing, Progress: 0.5})
	c.closeRequested()
	if in.last() != "cancel calibration" {
		t.Errorf("closing during the capture forwarded %v, want Cancel", in.calls)
	}
}

// TestAReopenedCalibrationScreenStartsFresh: the screen shown again after a
// calibration holds nothing of its result: no Done, whose press (or the
// window's close) would end the new calibration as if read; Cancel instead,
// until the engine's first view comes.
func TestAReopenedCalibrationScreenStartsFresh(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	test.Tap(c.done)
	u.StartCalibration() // later, from the tray
	if c.done.Visible() || !c.cancel.Visible() || c.result.Text != "" || c.phase.Text != "Waiting for the checks…" {
		t.Fatalf("reopened: done %v, cancel %v, result %q, phase %q", c.done.Visible(), c.cancel.Visible(), c.result.Text, c.phase.Text)
	}
	c.closeRequested()
	if in.last() != "cancel calibration" {
		t.Errorf("closing the reopened screen forwarded %v, want Cancel", in.calls)
	}
}

// TestClosingAtTheSlouchOfferSkipsIt: the screen has said the upright
// posture is saved; closing the window there is a Skip, not a Cancel that
// would throw the capture away, and the result that follows on the hidden
// screen is taken as read, so alerts come.
func TestClosingAtTheSlouchOfferSkipsIt(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.StartCalibration()
	c := u.calib
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: SlouchOffer})
	c.closeRequested()
	if in.last() != "sample slouch false" {
		t.Fatalf("closing at the offer forwarded %v, want Skip", in.calls)
	}
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if in.last() != "calibration done" {
		t.Errorf("after closing at the offer, the result forwarded %v, want Done", in.calls)
	}
	n := len(in.calls)
	u.StartCalibration()
	u.Apply(CalibrationView{Obs: seated(), Checks: checks(true), Phase: Calibrated, Result: "Your upright posture is saved."})
	if len(in.calls) != n+1 {
		t.Errorf("the next calibration's result was taken as read without a Done: %v", in.calls[n:])
	}
}

// TestAnOddlyShapedPictureWithoutAFrameStillDraws: the backdrop's grid for a
// picture narrower than 8 or lower than 6 pixels ends (its step was 0: the
// GUI's goroutine looped for ever).
func TestAnOddlyShapedPictureWithoutAFrameStillDraws(t *testing.T) {
	done := make(chan *image.RGBA, 1)
	go func() { done <- DrawOverlay(nil, nil, monitor.Observation{Width: 4000, Height: 5}) }()
	select {
	case img := <-done:
		if b := img.Bounds(); b.Dx() != 4000 || b.Dy() != 5 {
			t.Errorf("drew %v", b)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("drawing a 4000×5 backdrop did not end")
	}
}
