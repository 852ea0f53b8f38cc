package packaging

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"golang.org/x/image/draw"

	"github.com/hunch-posture/hunch/gui"
)

// IconSizes are the hicolor sizes the app icon is installed at, in pixels.
var IconSizes = []int{16, 24, 32, 48, 64, 128, 256}

// IconName is the icon's name in the theme, the app ID, as the .desktop
// entries (installed and autostart) refer to it.
const IconName = gui.AppID

// Icon is the app icon as a PNG of size×size pixels, scaled from the icon
// the app itself shows.
func Icon(size int) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(gui.AppIcon().Content()))
	if err != nil {
		return nil, fmt.Errorf("decode the app icon: %w", err)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	var buf bytes.Buffer
	if err := png.Encode(&buf, dst); err != nil {
		return nil, fmt.Errorf("encode the %dpx icon: %w", size, err)
	}
	return buf.Bytes(), nil
}
