package gui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// caption is small secondary text that stays readable on the dark theme
// (Fyne's low-importance colour is too faint to read at a glance).
func caption(text string, align fyne.TextAlign) *widget.Label {
	l := widget.NewLabelWithStyle(text, align, fyne.TextStyle{})
	l.SizeName = theme.SizeNameCaptionText
	return l
}
