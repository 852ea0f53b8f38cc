package app

import (
	"context"
	"fmt"
	"image"
	"math"
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// Calibration timing, in input time: the upright capture, and the slouch
// sample's (the five seconds, after the same countdown).
const (
	calibCountdown = 3 * time.Second
	calibCapture   = 5 * time.Second
	slouchCapture  = 5 * time.Second
)

// slouchChoice is the user's answer to the slouch sample's offer.
type slouchChoice int

const (
	slouchUndecided slouchChoice = iota
	slouchRecord
	slouchSkip
)

// calibrationChecks are the live conditions for a good calibration, from one
// observation and the one before it.
func calibrationChecks(o, prev monitor.Observation) []Check {
	one := len(o.Faces) == 1 || (len(o.Faces) > 1 && o.Faces[1].Box.Area() < 0.5*o.Faces[0].Box.Area())
	checks := []Check{{Name: "One face found", OK: one && len(o.Faces) > 0, Hint: "sit facing the camera, alone in the picture"}}
	centred, still := false, false
	if len(o.Faces) > 0 && o.Width > 0 {
		c := o.Faces[0].Box.Center()
		centred = math.Abs(c.X/float64(o.Width)-0.5) < 0.2 && c.Y/float64(o.Height) < 0.7
		if len(prev.Faces) > 0 {
			p := prev.Faces[0].Box.Center()
			still = math.Hypot(c.X-p.X, c.Y-p.Y) < 0.08*o.Faces[0].Box.H
		}
	}
	checks = append(checks,
		Check{Name: "Centred", OK: centred, Hint: "move so your face is in the middle"},
		Check{Name: "Still", OK: still, Hint: "hold still for a moment"},
		Check{Name: "Enough light", OK: o.Brightness > 50 && o.Contrast > 12, Hint: "turn on a light in front of you"})
	return checks
}

func allOK(cs []Check) bool {
	for _, c := range cs {
		if !c.OK {
			return false
		}
	}
	return true
}

// calibrationFlow is the calibration screen's sequence: wait for the checks,
// count down, capture, calibrate. It is driven by observations.
type calibrationFlow struct {
	phase     CalibrationPhase
	prev      monitor.Observation
	since     time.Duration
	collected []monitor.Observation
	// ready says whether the user pressed Start: the countdown waits for it
	// (nil: it starts once the checks hold, as in a run without a screen).
	ready func() bool
	// choice reads the user's answer to the slouch sample's offer (nil:
	// never offered, as in a run without a screen).
	choice  func() slouchChoice
	upright monitor.Baseline
}

// step takes one observation and returns the view to show; baseline is set
// when the flow ended (err tells a failure).
func (f *calibrationFlow) step(o monitor.Observation) (v CalibrationView, b *monitor.Baseline, err error) {
	checks := calibrationChecks(o, f.prev)
	f.prev = o
	v = CalibrationView{Obs: o, Checks: checks}
	ok := allOK(checks)
	switch f.phase {
	case Preparing:
		if ok && (f.ready == nil || f.ready()) {
			f.phase, f.since = Countdown, o.At
		}
		v.CanStart = ok && f.phase == Preparing
	case Countdown:
		if !ok {
			f.phase = Preparing
		} else if o.At-f.since >= calibCountdown {
			f.phase, f.since, f.collected = Capturing, o.At, nil
		}
	}
	switch f.phase {
	case Capturing:
		if o.At-f.since >= calibCapture {
			return f.captured(v, o)
		}
		f.collected = append(f.collected, o)
		v.Progress = float64(o.At-f.since) / float64(calibCapture)
	case SlouchOffer, SlouchCountdown, SlouchCapturing:
		if done, b := f.slouchStep(&v, o); done {
			return v, b, nil
		}
	}
	v.Phase = f.phase
	if f.phase == Countdown || f.phase == SlouchCountdown {
		v.Left = int(math.Ceil((calibCountdown - (o.At - f.since)).Seconds()))
	}
	return v, nil, nil
}

// captured calibrates on the upright capture, then offers the slouch sample
// (or ends, when nobody can answer the offer).
func (f *calibrationFlow) captured(v CalibrationView, o monitor.Observation) (CalibrationView, *monitor.Baseline, error) {
	f.collected = append(f.collected, o)
	base, err := monitor.Calibrate(f.collected)
	if err != nil {
		f.phase = Failed
		v.Phase, v.Result = Failed, "Not calibrated: "+err.Error()
		return v, nil, err
	}
	if f.choice == nil {
		f.phase = Calibrated
		v.Phase, v.Result = Calibrated, calibratedText(base)
		return v, &base, nil
	}
	f.upright, f.phase = base, SlouchOffer
	v.Phase = f.phase
	return v, nil, nil
}

// slouchStep advances the slouch sample: waiting for the answer, counting
// down, capturing. It reports when calibration is done, with the baseline.
func (f *calibrationFlow) slouchStep(v *CalibrationView, o monitor.Observation) (bool, *monitor.Baseline) {
	switch f.phase {
	case SlouchOffer:
		switch f.choice() {
		case slouchSkip:
			return f.finish(v, nil)
		case slouchRecord:
			f.phase, f.since = SlouchCountdown, o.At
		}
	case SlouchCountdown:
		if o.At-f.since >= calibCountdown {
			f.phase, f.since, f.collected = SlouchCapturing, o.At, nil
		}
	case SlouchCapturing:
		f.collected = append(f.collected, o)
		if o.At-f.since >= slouchCapture {
			s, err := monitor.MeasureSlouchSample(f.collected, f.upright)
			if err != nil {
				return f.finish(v, err)
			}
			f.upright.SlouchSample = &s
			return f.finish(v, nil)
		}
		v.Progress = float64(o.At-f.since) / float64(slouchCapture)
	}
	return false, nil
}

// finish ends the calibration with the upright baseline (and the sample,
// when taken); a failed sample leaves the upright calibration standing.
func (f *calibrationFlow) finish(v *CalibrationView, sampleErr error) (bool, *monitor.Baseline) {
	f.phase = Calibrated
	v.Phase, v.Result = Calibrated, calibratedText(f.upright)
	if sampleErr != nil {
		v.Result += " No slouch sample: " + sampleErr.Error()
	}
	b := f.upright
	return true, &b
}

func calibratedText(b monitor.Baseline) string {
	s := "Your upright posture is saved: " + placeInPicture(b) + "."
	if b.NeckGap > 0 || b.SilhouetteNeckGap > 0 {
		s += " Your shoulders are in view too."
	}
	if b.SlouchSample != nil {
		s += " Your slouch sample is saved too."
	}
	if b.Restless {
		s += " You moved a little; recalibrate if alerts come when you sit well."
	}
	return s
}

// placeInPicture says in words where the calibrated face sits in the
// picture and how much of its height it fills.
func placeInPicture(b monitor.Baseline) string {
	p := b.Picture
	if p.W <= 0 || p.H <= 0 {
		p = monitor.Rect{W: float64(b.Width), H: float64(b.Height)}
	}
	x, y := (b.Center.X-p.X)/p.W, (b.Center.Y-p.Y)/p.H
	side := "in the middle"
	switch {
	case x < 0.4:
		side = "to the left"
	case x > 0.6:
		side = "to the right"
	}
	height := "at mid height"
	switch {
	case y < 0.4:
		height = "high"
	case y > 0.6:
		height = "low"
	}
	share := math.Round(100 * b.FaceHeight / p.H)
	return fmt.Sprintf("your face %s, %s in the picture, %.0f%% of its height", side, height, share)
}

// framer offers the camera picture for the preview (vision.Pipeline does).
type framer interface {
	LastFrame(dst *image.RGBA) bool
}

// previewWidth is the width of the preview picture handed to the GUI.
const previewWidth = 480

// previewFrame is the last analysed picture, scaled to previewWidth, or nil.
// Each is a new picture: the GUI draws it later, on its own goroutine.
func previewFrame(src monitor.Observer, o monitor.Observation) image.Image {
	f, ok := src.(framer)
	if !ok || o.Width <= 0 || o.Height <= 0 {
		return nil
	}
	dst := image.NewRGBA(image.Rect(0, 0, previewWidth, previewWidth*o.Height/o.Width))
	if !f.LastFrame(dst) {
		return nil
	}
	return dst
}

// calibrate runs the flow over src until it ends or ctx is cancelled. It
// waits for the user's Start, except on the demo (whose person is not the
// user: it calibrates as soon as the checks hold). The slouch sample is
// offered on a live camera only: a recording has nobody to answer.
func (e *Engine) calibrate(ctx context.Context, src monitor.Observer, live, demo bool) (*monitor.Baseline, error) {
	e.mu.Lock()
	e.slouch, e.ready = slouchUndecided, false
	e.mu.Unlock()
	var f calibrationFlow
	if !demo {
		f.ready = e.readyToCalibrate
	}
	if live {
		f.choice = e.slouchChoice
	}
	for {
		o, err := src.Observe(ctx)
		if err != nil {
			return nil, err
		}
		v, b, err := f.step(o)
		v.Frame = previewFrame(src, o)
		if b != nil && !demo {
			// Alerts wait for the user's Done, which may come as soon as the
			// result is shown: hold them before showing it.
			e.mu.Lock()
			e.awaitingDone = true
			e.mu.Unlock()
		}
		e.send(v)
		if err != nil || b != nil {
			return b, err
		}
	}
}
