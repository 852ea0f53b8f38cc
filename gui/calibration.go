package gui

import (
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hunch-posture/hunch/monitor"
)

// StartCalibration opens the calibration screen and asks the app to start.
func (u *UI) StartCalibration() {
	u.showCalibration("")
	u.in.StartCalibration()
}

func (u *UI) showCalibration(reason string) {
	if u.calib == nil {
		u.calib = newCalibrationScreen(u)
	}
	// A new calibration starts from nothing: a screen shown before still
	// has its last result, whose Done (or close) would end the new one as
	// if it were that result.
	u.calib.doneOnResult = false
	u.calib.update(CalibrationView{Obs: monitor.Observation{Width: 640, Height: 480}, Phase: Preparing})
	u.calib.reason.SetText(reason)
	if reason == "" {
		u.calib.reason.Hide()
	} else {
		u.calib.reason.Show()
	}
	u.calib.side.Refresh()
	u.calib.w.Show()
}

// showCalibrationView renders one moment of the calibration.
func (u *UI) showCalibrationView(v CalibrationView) {
	if u.calib == nil {
		u.calib = newCalibrationScreen(u)
		u.calib.w.Show()
	}
	u.calib.update(v)
}

// The upright posture, as the screen describes it.
const uprightAdvice = "Sit the way you want Hunch to keep you:\n" +
	"• back straight, against the backrest\n" +
	"• shoulders back and down, relaxed\n" +
	"• screen at eye level, an arm's length away\n" +
	"Then hold still for a few seconds."

// livesInTray tells the user, once calibrated, where Hunch went.
const livesInTray = "Hunch now watches from its icon in the system tray: click it for today's figures, a pause or the settings."

// slouchOffer asks, after the upright capture, for the optional slouch
// sample, and says what it buys: from an upright calibration alone, sinking
// back in the chair and sitting upright farther from the screen look alike
// (README, "Limits of the judgement").
const slouchOffer = "Now sit the way you do when you're tired, for 5 seconds: " +
	"Hunch will then know your own slouch, and tell it from just sitting farther back. You can skip this."

// calibrationScreen is the live preview with the checks, the countdown and
// the result. The preview is one image widget, redrawn in place.
type calibrationScreen struct {
	u        *UI
	w        fyne.Window
	buf      *image.RGBA
	preview  *canvas.Image
	side     *fyne.Container
	reason   *widget.Label
	checks   *fyne.Container
	phase    *canvas.Text
	progress *widget.ProgressBar
	result   *widget.Label
	done     *widget.Button
	again    *widget.Button
	record   *widget.Button
	skip     *widget.Button
	start    *widget.Button
	cancel   *widget.Button
	// doneOnResult is set when the user closed the screen at the slouch
	// sample's offer: that was a Skip, and the result that follows is taken
	// as read (Done) on the hidden screen.
	doneOnResult bool
}

func newCalibrationScreen(u *UI) *calibrationScreen {
	c := &calibrationScreen{u: u, w: u.newWindow("Hunch — Calibrate")}
	c.buf = DrawOverlay(nil, nil, monitor.Observation{Width: 640, Height: 480})
	c.preview = canvas.NewImageFromImage(c.buf)
	c.preview.FillMode = canvas.ImageFillContain
	c.preview.SetMinSize(fyne.NewSize(400, 300))
	c.reason = widget.NewLabel("")
	c.reason.Importance = widget.WarningImportance
	c.reason.Wrapping = fyne.TextWrapWord
	c.reason.Hide()
	advice := widget.NewLabel(uprightAdvice)
	c.checks = container.NewVBox()
	c.phase = canvas.NewText("Getting ready…", theme.Color(theme.ColorNameForeground))
	c.phase.TextSize = 20
	c.phase.TextStyle.Bold = true
	c.progress = widget.NewProgressBar()
	c.result = widget.NewLabel("")
	c.result.Wrapping = fyne.TextWrapWord
	c.done = widget.NewButton("Done", func() { u.in.CalibrationDone(); c.w.Hide() })
	c.done.Importance = widget.HighImportance
	c.done.Hide()
	c.again = widget.NewButton("Try again", func() { u.in.StartCalibration() })
	c.again.Hide()
	c.start = widget.NewButton("I'm sitting upright — start", func() { u.in.BeginCalibration() })
	c.start.Importance = widget.HighImportance
	c.start.Disable()
	c.w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name != fyne.KeyReturn && k.Name != fyne.KeyEnter {
			return
		}
		switch {
		case c.start.Visible() && !c.start.Disabled():
			u.in.BeginCalibration()
		case c.done.Visible():
			u.in.CalibrationDone()
			c.w.Hide()
		}
	})
	c.record = widget.NewButton("Record my slouch", func() { u.in.SampleSlouch(true) })
	c.record.Importance = widget.HighImportance
	c.record.Hide()
	c.skip = widget.NewButton("Skip", func() { u.in.SampleSlouch(false) })
	c.skip.Hide()
	c.cancel = widget.NewButton("Cancel", func() { u.in.CancelCalibration(); c.w.Hide() })
	c.w.SetCloseIntercept(c.closeRequested)
	title := widget.NewLabelWithStyle("Calibrate your upright posture", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.side = container.NewVBox(title, c.reason, advice, widget.NewSeparator(), c.checks, widget.NewSeparator(),
		c.phase, c.progress, c.result, container.NewHBox(c.cancel, c.start, c.again, c.skip, c.record, c.done))
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(340, 0))
	right := container.NewStack(width, container.NewVScroll(c.side))
	c.w.SetContent(container.NewPadded(container.NewBorder(nil, nil, nil, right, c.preview)))
	c.w.Resize(fyne.NewSize(920, 600))
	return c
}

// closeRequested is the window's close button: after the result it is
// Done; at the slouch sample's offer, Skip (the upright posture the screen
// says is saved stays saved); before that, Cancel.
func (c *calibrationScreen) closeRequested() {
	switch {
	case c.done.Visible():
		c.u.in.CalibrationDone()
	case c.skip.Visible():
		c.u.in.SampleSlouch(false)
		c.doneOnResult = true
	default:
		c.u.in.CancelCalibration()
	}
	c.w.Hide()
}

// update renders one moment of the calibration.
func (c *calibrationScreen) update(v CalibrationView) {
	c.buf = DrawOverlay(c.buf, v.Frame, v.Obs)
	c.preview.Image = c.buf
	c.preview.Refresh()
	c.checks.RemoveAll()
	for _, ch := range v.Checks {
		icon := widget.NewIcon(theme.ConfirmIcon())
		text := ch.Name
		if !ch.OK {
			icon = widget.NewIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
			text = ch.Name + " — " + ch.Hint
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		c.checks.Add(container.NewBorder(nil, nil, icon, nil, l))
	}
	c.done.Hide()
	c.again.Hide()
	c.cancel.Show()
	c.record.Hide()
	c.skip.Hide()
	c.start.Hide()
	c.result.SetText(v.Result)
	c.progress.Hide()
	switch v.Phase {
	case Preparing:
		c.phase.Text = "Waiting for the checks…"
		if v.CanStart {
			c.phase.Text = "Sit upright, then press Start"
			c.start.Enable()
		} else {
			c.start.Disable()
		}
		c.start.Show()
	case Countdown:
		c.phase.Text = fmt.Sprintf("Hold still… %d", v.Left)
	case Capturing:
		c.phase.Text = "Capturing — keep sitting upright"
		c.progress.SetValue(v.Progress)
		c.progress.Show()
	case SlouchOffer:
		c.phase.Text = "Upright posture saved"
		c.result.SetText(slouchOffer)
		c.record.Show()
		c.skip.Show()
	case SlouchCountdown:
		c.phase.Text = fmt.Sprintf("Now slouch the way you do… %d", v.Left)
	case SlouchCapturing:
		c.phase.Text = "Capturing your slouch — stay like that"
		c.progress.SetValue(v.Progress)
		c.progress.Show()
	case Calibrated:
		if c.doneOnResult {
			c.doneOnResult = false
			c.u.in.CalibrationDone()
		}
		c.phase.Text = "Calibrated"
		c.reason.Hide() // why the screen was opened is answered now
		if c.u.tray != nil {
			c.result.SetText(v.Result + " " + livesInTray)
		}
		c.progress.SetValue(1)
		c.progress.Show()
		c.done.Show()
		c.cancel.Hide() // calibrated: nothing left to cancel
	case Failed:
		c.phase.Text = "Calibration failed"
		c.again.Show()
	}
	c.phase.Refresh()
	c.side.Refresh() // the checks and the result change the column's layout
}
