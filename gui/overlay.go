package gui

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/hunch-posture/hunch/monitor"
)

// Overlay colours: the face box, the keypoints and the shoulder line.
var (
	overlayFace      = color.RGBA{0x4c, 0xd1, 0x7e, 0xff}
	overlayPoint     = color.RGBA{0xff, 0xd5, 0x4f, 0xff}
	overlayShoulders = color.RGBA{0x4f, 0xa8, 0xff, 0xff}
	backdrop         = color.RGBA{0x26, 0x2a, 0x30, 0xff}
	backdropGrid     = color.RGBA{0x33, 0x38, 0x40, 0xff}
)

// DrawOverlay draws what Hunch sees over a copy of the frame into dst
// (reallocated when nil or of another size) and returns it: the face box,
// the keypoints and the shoulder line. With no frame, a plain backdrop with
// a grid stands in for the picture.
func DrawOverlay(dst *image.RGBA, frame image.Image, o monitor.Observation) *image.RGBA {
	w, h := o.Width, o.Height
	if frame != nil {
		w, h = frame.Bounds().Dx(), frame.Bounds().Dy()
	}
	if w <= 0 || h <= 0 {
		w, h = 640, 480
	}
	if dst == nil || dst.Rect.Dx() != w || dst.Rect.Dy() != h {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	if frame != nil {
		draw.Draw(dst, dst.Rect, frame, frame.Bounds().Min, draw.Src)
	} else {
		draw.Draw(dst, dst.Rect, image.NewUniform(backdrop), image.Point{}, draw.Src)
		for x := 0; x < w; x += max(w/8, 1) { // a picture narrower than 8 pixels still ends the loop
			line(dst, float64(x), 0, float64(x), float64(h), 1, backdropGrid)
		}
		for y := 0; y < h; y += max(h/6, 1) {
			line(dst, 0, float64(y), float64(w), float64(y), 1, backdropGrid)
		}
	}
	sx, sy := 1.0, 1.0
	if o.Width > 0 && o.Height > 0 {
		sx, sy = float64(w)/float64(o.Width), float64(h)/float64(o.Height)
	}
	thick := math.Max(2, float64(w)/200)
	if len(o.Faces) > 0 {
		f := o.Faces[0]
		x0, y0, x1, y1 := f.Box.X*sx, f.Box.Y*sy, (f.Box.X+f.Box.W)*sx, (f.Box.Y+f.Box.H)*sy
		line(dst, x0, y0, x1, y0, thick, overlayFace)
		line(dst, x1, y0, x1, y1, thick, overlayFace)
		line(dst, x1, y1, x0, y1, thick, overlayFace)
		line(dst, x0, y1, x0, y0, thick, overlayFace)
		if f.HasLandmarks {
			for _, p := range f.Landmarks {
				dot(dst, p.X*sx, p.Y*sy, 2*thick, overlayPoint)
			}
		}
	}
	s := o.Shoulders
	if o.Silhouette != nil && o.Silhouette.Shoulders.Found() {
		s = o.Silhouette.Shoulders
	}
	if s.Found() {
		line(dst, s.Left.X*sx, s.Left.Y*sy, s.Right.X*sx, s.Right.Y*sy, thick*1.5, overlayShoulders)
		dot(dst, s.Left.X*sx, s.Left.Y*sy, 2.5*thick, overlayShoulders)
		dot(dst, s.Right.X*sx, s.Right.Y*sy, 2.5*thick, overlayShoulders)
	}
	return dst
}

// line draws a segment of the given width.
func line(img *image.RGBA, x0, y0, x1, y1, width float64, c color.RGBA) {
	n := int(math.Max(math.Abs(x1-x0), math.Abs(y1-y0))) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		dot(img, x0+t*(x1-x0), y0+t*(y1-y0), width/2, c)
	}
}

// dot draws a filled disc.
func dot(img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			if (float64(x)-cx)*(float64(x)-cx)+(float64(y)-cy)*(float64(y)-cy) <= r*r && image.Pt(x, y).In(img.Rect) {
				img.SetRGBA(x, y, c)
			}
		}
	}
}
