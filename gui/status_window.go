package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusWindow shows the state, today's upright share and the current
// slouch, with the main actions; it stands in for the tray where there is none.
type statusWindow struct {
	w        fyne.Window
	icon     *canvas.Image
	headline *canvas.Text
	today    *widget.Label
	advice   *widget.Label
	note     *widget.Label
	source   *widget.Label
	pause    *widget.Button
	resume   *widget.Button
	demo     *widget.Button
	snoozed  *widget.Label
	unsnooze *widget.Button
	shown    bool
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

func newStatusWindow(u *UI) *statusWindow {
	s := &statusWindow{w: u.newCalmWindow("Hunch")}
	s.icon = canvas.NewImageFromResource(Icon(ModeNeedsCalibration))
	s.icon.SetMinSize(fyne.NewSize(72, 72))
	s.icon.FillMode = canvas.ImageFillContain
	s.headline = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	s.headline.TextSize = 20
	s.headline.TextStyle.Bold = true
	s.today = widget.NewLabel("")
	s.advice = widget.NewLabel("")
	s.advice.Wrapping = fyne.TextWrapWord
	s.note = widget.NewLabel("")
	s.note.Wrapping = fyne.TextWrapWord
	s.note.Importance = widget.WarningImportance
	s.source = caption("", fyne.TextAlignLeading)
	s.source.Truncation = fyne.TextTruncateEllipsis

	var pauseMenu *widget.PopUpMenu
	s.pause = widget.NewButtonWithIcon("Pause…", theme.MediaPauseIcon(), func() {
		pauseMenu = widget.NewPopUpMenu(fyne.NewMenu("", u.pauseItems()...), s.w.Canvas())
		pauseMenu.ShowAtRelativePosition(fyne.NewPos(0, s.pause.Size().Height), s.pause)
	})
	s.resume = widget.NewButtonWithIcon("Resume", theme.MediaPlayIcon(), func() { u.in.Resume() })
	s.resume.Importance = widget.HighImportance
	s.resume.Hide()
	s.demo = widget.NewButtonWithIcon("Watch the demo", theme.MediaPlayIcon(), func() { u.in.StartDemo() })
	s.demo.Importance = widget.HighImportance
	s.demo.Hide()
	s.snoozed = widget.NewLabel("")
	s.snoozed.Hide()
	s.unsnooze = widget.NewButton("End snooze", func() { u.in.EndSnooze() })
	s.unsnooze.Hide()
	calibrate := widget.NewButtonWithIcon("Calibrate…", theme.ViewRefreshIcon(), func() { u.StartCalibration() })
	report := widget.NewButtonWithIcon("Report…", theme.DocumentIcon(), func() { u.ShowReport() })
	settings := widget.NewButtonWithIcon("", theme.SettingsIcon(), func() { u.ShowSettings() })
	quit := widget.NewButton("Quit", func() { u.in.Quit() })

	top := container.NewBorder(nil, nil, s.icon, nil, container.NewVBox(s.headline, s.today))
	buttons := container.NewHBox(s.demo, s.pause, s.resume, calibrate, report, layout.NewSpacer(), settings, quit)
	s.w.SetContent(container.NewPadded(container.NewVBox(top, s.advice, s.note, container.NewHBox(s.snoozed, s.unsnooze), layout.NewSpacer(), s.source, buttons)))
	s.w.Resize(fyne.NewSize(500, 260))
	s.w.SetCloseIntercept(func() {
		if u.tray == nil {
			u.in.Quit()
			return
		}
		s.hide()
	})
	s.update(Status{})
	return s
}

func (s *statusWindow) show(st Status) {
	s.update(st)
	s.shown = true
	s.w.Show()
}

// hide closes the window into the tray.
func (s *statusWindow) hide() {
	s.shown = false
	s.w.Hide()
}

// update renders a status.
func (s *statusWindow) update(st Status) {
	s.icon.Resource = Icon(st.Mode)
	s.icon.Refresh()
	s.headline.Text = st.Headline()
	s.headline.Refresh()
	s.today.SetText(st.Today())
	switch st.Mode {
	case ModeSlouching:
		s.advice.SetText("Try to " + st.Kind.Advice() + ".")
	case ModeNeedsCalibration:
		s.advice.SetText("Hunch needs to see you sitting upright once: press Calibrate…")
	case ModeAway:
		s.advice.SetText("Hunch waits for you to come back.")
	case ModePaused:
		s.advice.SetText("Hunch is not watching. Press Resume to start again.")
	default:
		s.advice.SetText("Keep it up — back straight, shoulders back and down.")
	}
	s.note.SetText(st.Note)
	if st.Note == "" {
		s.note.Hide()
	} else {
		s.note.Show()
	}
	s.snoozed.SetText(st.Snoozed())
	if st.Snoozed() == "" {
		s.snoozed.Hide()
		s.unsnooze.Hide()
	} else {
		s.snoozed.Show()
		s.unsnooze.Show()
	}
	s.source.SetText(sourceLine(st.Source))
	if st.OfferDemo {
		s.demo.Show()
	} else {
		s.demo.Hide()
	}
	if st.Mode == ModePaused {
		s.pause.Hide()
		s.resume.Show()
	} else {
		s.resume.Hide()
		s.pause.Show()
	}
}

func sourceLine(src string) string {
	if src == "" {
		return ""
	}
	return "Watching " + src + ". No picture is ever stored."
}
