package vision

import (
	"image"

	"gocv.io/x/gocv"
)

// barLevel is the brightest a black bar's pixel may be (JPEG ringing included).
const barLevel = 24

// pictureArea finds the part of a grey frame that holds the camera's picture,
// leaving out black bars at the edges (a square webcam picture pillarboxed
// into a wide frame, or letterboxed). It never shrinks below half the frame.
func pictureArea(grey gocv.Mat) image.Rectangle {
	full := image.Rect(0, 0, grey.Cols(), grey.Rows())
	pix, err := grey.DataPtrUint8()
	if err != nil || !grey.IsContinuous() || len(pix) != full.Dx()*full.Dy() {
		return full
	}
	w, h := full.Dx(), full.Dy()
	colDark := func(x int) bool {
		for y := 0; y < h; y++ {
			if pix[y*w+x] > barLevel {
				return false
			}
		}
		return true
	}
	rowDark := func(y int) bool {
		for _, v := range pix[y*w : (y+1)*w] {
			if v > barLevel {
				return false
			}
		}
		return true
	}
	r := full
	for r.Min.X < w/4 && colDark(r.Min.X) {
		r.Min.X++
	}
	for r.Max.X > w*3/4 && colDark(r.Max.X-1) {
		r.Max.X--
	}
	for r.Min.Y < h/4 && rowDark(r.Min.Y) {
		r.Min.Y++
	}
	for r.Max.Y > h*3/4 && rowDark(r.Max.Y-1) {
		r.Max.Y--
	}
	return r
}
