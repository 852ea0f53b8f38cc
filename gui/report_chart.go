package gui

import (
	"image"
	"image/color"

	"github.com/hunch-posture/hunch/monitor/history"
)

// Chart colours: upright, slouched, away, and the empty track.
var (
	chartUpright  = color.NRGBA{0x2e, 0x9e, 0x5b, 0xff}
	chartSlouched = color.NRGBA{0xe8, 0x8a, 0x1a, 0xff}
	chartAway     = color.NRGBA{0xb8, 0xbe, 0xc6, 0xff}
	chartTrack    = color.NRGBA{0x80, 0x80, 0x80, 0x30}
)

// DayChart draws a day hour by hour: one column per hour, stacked from the
// bottom with upright, slouched and away time, full height being an hour.
func DayChart(r history.DayReport, w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	n := len(r.Hours)
	if n == 0 {
		n = 24
	}
	col := float64(w) / float64(n)
	for i := 0; i < n; i++ {
		x0, x1 := int(float64(i)*col+col*0.15), int(float64(i+1)*col-col*0.15)
		fill(img, x0, 0, x1, h, chartTrack)
		if i >= len(r.Hours) {
			continue
		}
		hr := r.Hours[i]
		y := h
		for _, part := range []struct {
			s float64
			c color.NRGBA
		}{{hr.UprightS, chartUpright}, {hr.SlouchedS, chartSlouched}, {hr.AwayS, chartAway}} {
			dy := int(part.s / 3600 * float64(h))
			fill(img, x0, y-dy, x1, y, part.c)
			y -= dy
		}
	}
	return img
}

// fill paints a rectangle.
func fill(img *image.NRGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// DayBar draws one day as a horizontal bar split by upright and slouched
// share, for the week row.
func DayBar(r history.DayReport, w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	fill(img, 0, 0, w, h, chartTrack)
	present := r.UprightS + r.SlouchedS
	if present <= 0 {
		return img
	}
	split := int(r.UprightS / present * float64(w))
	fill(img, 0, 0, split, h, chartUpright)
	fill(img, split, 0, w, h, chartSlouched)
	return img
}
