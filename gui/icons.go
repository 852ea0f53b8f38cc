package gui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"

	"fyne.io/fyne/v2"
)

// iconSize is the side of the generated icons, in pixels.
const iconSize = 64

// Icon colours, one per mode.
var (
	green  = color.NRGBA{0x2e, 0x9e, 0x5b, 0xff}
	amber  = color.NRGBA{0xe8, 0x8a, 0x1a, 0xff}
	grey   = color.NRGBA{0x8a, 0x90, 0x99, 0xff}
	blue   = color.NRGBA{0x3b, 0x6e, 0xc4, 0xff}
	purple = color.NRGBA{0x8e, 0x4e, 0xc6, 0xff}
	white  = color.NRGBA{0xff, 0xff, 0xff, 0xff}
)

// shape is a signed-distance-like test: how far inside (positive, in pixels)
// a point is.
type shape func(x, y float64) float64

func disc(cx, cy, r float64) shape {
	return func(x, y float64) float64 { return r - math.Hypot(x-cx, y-cy) }
}

func ring(cx, cy, r, w float64) shape {
	return func(x, y float64) float64 { return w/2 - math.Abs(math.Hypot(x-cx, y-cy)-r) }
}

// stroke is a line segment of width w with round ends.
func stroke(x0, y0, x1, y1, w float64) shape {
	return func(x, y float64) float64 {
		dx, dy := x1-x0, y1-y0
		t := math.Max(0, math.Min(1, ((x-x0)*dx+(y-y0)*dy)/(dx*dx+dy*dy)))
		return w/2 - math.Hypot(x-x0-t*dx, y-y0-t*dy)
	}
}

// layer is a shape painted in a colour.
type layer struct {
	s shape
	c color.NRGBA
}

// paint renders layers into a square iconSize image with 4×4 supersampling.
func paint(layers ...layer) *image.NRGBA { return paintAt(iconSize, layers...) }

// paintAt renders layers, drawn on a 64-pixel grid, into a square image of
// the given side.
func paintAt(size int, layers ...layer) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	k := float64(iconSize) / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, b, a float64
			for sy := 0; sy < 4; sy++ {
				for sx := 0; sx < 4; sx++ {
					px, py := k*(float64(x)+(float64(sx)+0.5)/4), k*(float64(y)+(float64(sy)+0.5)/4)
					var c color.NRGBA
					for _, l := range layers {
						if l.s(px, py) >= 0 {
							c = l.c
						}
					}
					fa := float64(c.A) / 255
					r, g, b, a = r+float64(c.R)*fa, g+float64(c.G)*fa, b+float64(c.B)*fa, a+fa
				}
			}
			if a > 0 {
				img.SetNRGBA(x, y, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / 16 * 255)})
			}
		}
	}
	return img
}

// figure draws a seated person in white over a disc: a head and a back that
// is straight or bent.
func figure(bg color.NRGBA, bent bool) []layer {
	ls := []layer{{disc(32, 32, 31), bg}}
	if bent {
		ls = append(ls,
			layer{disc(38, 22, 6.5), white},
			layer{stroke(33, 30, 24, 40, 6), white},
			layer{stroke(24, 40, 22, 50, 6), white},
			layer{stroke(22, 50, 38, 50, 6), white})
	} else {
		ls = append(ls,
			layer{disc(30, 15, 6.5), white},
			layer{stroke(30, 25, 30, 48, 6), white},
			layer{stroke(30, 48, 44, 48, 6), white})
	}
	return ls
}

func iconFor(m Mode) image.Image {
	switch m {
	case ModeUpright:
		return paint(figure(green, false)...)
	case ModeSlouching:
		return paint(figure(amber, true)...)
	case ModeAway:
		return paint(layer{disc(32, 32, 31), grey}, layer{ring(32, 32, 18, 6), white})
	case ModePaused:
		return paint(layer{disc(32, 32, 31), blue}, layer{stroke(25, 20, 25, 44, 8), white}, layer{stroke(39, 20, 39, 44, 8), white})
	}
	// Needs calibration: a crosshair, as in aiming the camera.
	return paint(layer{disc(32, 32, 31), purple}, layer{ring(32, 32, 14, 5), white},
		layer{stroke(32, 8, 32, 20, 5), white}, layer{stroke(32, 44, 32, 56, 5), white},
		layer{stroke(8, 32, 20, 32, 5), white}, layer{stroke(44, 32, 56, 32, 5), white})
}

// icons holds the encoded tray icons, drawn on first use: a command that
// shows no icon (report, doctor, --help) never pays for drawing them.
var (
	iconsOnce sync.Once
	icons     map[Mode]fyne.Resource
)

// allIcons draws the icons once and returns them.
func allIcons() map[Mode]fyne.Resource {
	iconsOnce.Do(func() {
		names := map[Mode]string{ModeNeedsCalibration: "calibrate", ModeUpright: "upright", ModeSlouching: "slouching", ModeAway: "away", ModePaused: "paused"}
		icons = map[Mode]fyne.Resource{}
		for m, n := range names {
			var buf bytes.Buffer
			if err := png.Encode(&buf, iconFor(m)); err != nil {
				panic(err) // encoding an in-memory RGBA picture cannot fail
			}
			icons[m] = fyne.NewStaticResource("hunch-"+n+".png", buf.Bytes())
		}
	})
	return icons
}

// Icon is the tray icon for a mode, a PNG resource.
func Icon(m Mode) fyne.Resource { return allIcons()[m] }

// AppIcon is the application's icon (the upright figure).
func AppIcon() fyne.Resource { return allIcons()[ModeUpright] }

// AppIconPNG is the application's icon drawn at size×size pixels, as a PNG:
// the file beside cmd/hunch's main.go that FyneApp.toml names.
func AppIconPNG(size int) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, paintAt(size, figure(green, false)...)); err != nil {
		return nil, fmt.Errorf("app icon: %w", err)
	}
	return buf.Bytes(), nil
}
