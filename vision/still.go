package vision

import (
	"image"
	"math"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// A user sits still most of the day, so most analysed frames show what the
// last one showed. stillWatch notices that the user's part of the picture
// has not changed since the frame the networks last looked at, so that the
// pipeline can reuse what they saw there. Only the user's band is compared:
// a moving background (a colleague walking past, a screen's glow) must not
// make a still user count as moving, nor the still background hide a move.
type stillWatch struct {
	small image.Point     // the grey picture's size when last was taken
	area  image.Rectangle // the band compared, in grey-picture pixels
	last  []float32       // the band's thumbnail at the last analysed frame; nil: none
	focus monitor.Rect    // the focus the last analysis was made with
	at    time.Duration   // when the last analysis was made

	faces     []monitor.Face
	shoulders monitor.ShoulderLine
	thumb     gocv.Mat
}

// stillSide is the side of the band's thumbnail: each cell averages enough
// pixels that sensor noise stays far below stillChange, and is small enough
// that a head moving by a tenth of its height changes many cells.
const stillSide = 16

// stillChange is the mean change of the band's cells, relative to the band's
// mean brightness, below which the picture counts as unchanged. Sensor noise
// averaged over a cell is about 0.002; an exposure step scales every cell
// alike and is divided out.
const stillChange = 0.02

// maxStillAge is how long after the last analysis a frame may still reuse
// it: a slow drift below stillChange is looked at within a fifth of the
// default 20 s onset, whatever the rate.
const maxStillAge = 4 * time.Second

// compare reports whether grey (the analysis picture) shows the user's band
// unchanged since the last analysis, under the same focus, so that it may be
// reused (still), and whether the band has changed since then or cannot be
// compared with it (moved). An unchanged band older than maxStillAge is
// neither.
func (w *stillWatch) compare(grey gocv.Mat, focus *monitor.Rect, at time.Duration) (still, moved bool) {
	if w.last == nil || image.Pt(grey.Cols(), grey.Rows()) != w.small || at < w.at || !sameFocus(focus, w.focus) {
		return false, true
	}
	now := w.band(grey)
	if len(now) != len(w.last) || meanChange(now, w.last) >= stillChange {
		return false, true
	}
	return at-w.at < maxStillAge, false
}

// remember keeps what the networks saw in grey (at the given scale from frame
// pixels) and the band later frames are compared in.
func (w *stillWatch) remember(grey gocv.Mat, scale float64, at time.Duration, faces []monitor.Face, shoulders monitor.ShoulderLine, focus *monitor.Rect) {
	w.faces = append(w.faces[:0], faces...)
	w.shoulders, w.at = shoulders, at
	w.focus = monitor.Rect{}
	if focus != nil {
		w.focus = *focus
	}
	w.small = image.Pt(grey.Cols(), grey.Rows())
	w.area = userArea(faces, scale, w.small)
	w.last = w.band(grey)
}

// reused is a copy of the faces last seen, for a frame that reuses them.
func (w *stillWatch) reused() []monitor.Face { return append([]monitor.Face(nil), w.faces...) }

// band is the thumbnail of the user's band, each cell over the band's mean.
func (w *stillWatch) band(grey gocv.Mat) []float32 {
	region := grey.Region(w.area)
	gocv.Resize(region, &w.thumb, image.Pt(stillSide, stillSide), 0, 0, gocv.InterpolationArea)
	region.Close()
	b, err := w.thumb.DataPtrUint8()
	if err != nil || len(b) != stillSide*stillSide {
		return nil
	}
	out := make([]float32, len(b))
	sum := 0.0
	for i, v := range b {
		out[i] = float32(v)
		sum += float64(v)
	}
	mean := float32(math.Max(sum/float64(len(b)), 1))
	for i := range out {
		out[i] /= mean
	}
	return out
}

func (w *stillWatch) Close() error { return w.thumb.Close() }

// userArea is where the user is, in grey-picture pixels: the first face's
// columns widened for the shoulders, from above the head to the bottom;
// the whole picture when no face was seen (anyone arriving changes it).
func userArea(faces []monitor.Face, scale float64, size image.Point) image.Rectangle {
	all := image.Rect(0, 0, size.X, size.Y)
	if len(faces) == 0 {
		return all
	}
	f := faces[0].Box
	cx, half := (f.X+f.W/2)*scale, 1.5*f.W*scale
	area := image.Rect(int(cx-half), int((f.Y-0.5*f.H)*scale), int(math.Ceil(cx+half)), size.Y).Intersect(all)
	if area.Dx() < stillSide || area.Dy() < stillSide {
		return all
	}
	return area
}

func sameFocus(f *monitor.Rect, last monitor.Rect) bool {
	if f == nil {
		return last == monitor.Rect{}
	}
	return *f == last
}

// meanChange is the mean absolute difference of two thumbnails.
func meanChange(a, b []float32) float64 {
	sum := 0.0
	for i := range a {
		sum += math.Abs(float64(a[i] - b[i]))
	}
	return sum / float64(len(a))
}
