package gui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// alertSnooze is how long a snooze from an alert holds the next ones back:
// long enough to finish what the user was doing, short enough that the
// habit is not forgotten for the afternoon.
const alertSnooze = 15 * time.Minute

// snoozeLabel is the alert's snooze button, in its window or notification.
const snoozeLabel = "Snooze 15 min"

func (u *UI) alert(e AlertEvent) {
	if e.SoundOnly {
		u.async(u.beep)
		return
	}
	if u.notifier == nil {
		u.showAlertWindow(e)
		return
	}
	var snooze func()
	if e.Snooze {
		snooze = func() { u.in.SnoozeFor(alertSnooze) }
	}
	u.async(func() {
		if err := u.notifier.Notify(e.Alert, e.Mode, e.Sound, snooze); err != nil {
			u.do(func() { u.showAlertWindow(e) })
		}
	})
}

// showAlertWindow is the fallback alert: a small window with the message
// (and a way to snooze, when the alert offers one), and the sound when the
// user wants one.
func (u *UI) showAlertWindow(e AlertEvent) {
	if e.Sound {
		u.async(u.beep)
	}
	w := u.newWindow("Hunch — " + e.Alert.Title)
	icon := canvas.NewImageFromResource(Icon(e.Mode))
	icon.SetMinSize(fyne.NewSize(48, 48))
	icon.FillMode = canvas.ImageFillContain
	title := widget.NewLabelWithStyle(e.Alert.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(e.Alert.Body)
	body.Wrapping = fyne.TextWrapWord
	ok := widget.NewButton("OK", func() { w.Close() })
	ok.Importance = widget.HighImportance
	buttons := container.NewHBox(layoutSpacer())
	if e.Snooze {
		buttons.Add(widget.NewButton(snoozeLabel, func() { u.in.SnoozeFor(alertSnooze); w.Close() }))
	}
	buttons.Add(ok)
	w.SetContent(container.NewBorder(nil, buttons, container.NewPadded(icon), nil, container.NewVBox(title, body)))
	w.Resize(fyne.NewSize(460, 150))
	w.Show()
}
