package gui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
)

// Capture writes a picture of one of Hunch's windows ("status",
// "calibration", "report") to dir/NAME.png, for documentation and the
// end-to-end test.
func (u *UI) Capture(dir, name string) error {
	var w fyne.Window
	switch name {
	case "status":
		w = u.win.w
	case "calibration":
		if u.calib != nil {
			w = u.calib.w
		}
	case "report":
		if u.report != nil {
			w = u.report.w
		}
	}
	if w == nil {
		return fmt.Errorf("capture %s: the window is not open", name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("capture %s: %w", name, err)
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		return fmt.Errorf("capture %s: %w", name, err)
	}
	defer f.Close()
	if err := png.Encode(f, software.RenderCanvas(w.Canvas(), fyne.CurrentApp().Settings().Theme())); err != nil {
		return fmt.Errorf("capture %s: %w", name, err)
	}
	return f.Close()
}
