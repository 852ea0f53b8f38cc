package vision

import (
	"image"

	"gocv.io/x/gocv"
)

// greyAtWidth converts a BGR frame to grey in grey and, when it is wider than
// width, shrinks it into small. It returns the picture to use (grey or small,
// owned by the caller's buffers) and the scale from frame to that picture.
func greyAtWidth(img gocv.Mat, grey, small *gocv.Mat, width int) (gocv.Mat, float64) {
	gocv.CvtColor(img, grey, gocv.ColorBGRToGray)
	if img.Cols() <= width {
		return *grey, 1
	}
	scale := float64(width) / float64(img.Cols())
	gocv.Resize(*grey, small, image.Pt(width, int(float64(img.Rows())*scale+0.5)), 0, 0, gocv.InterpolationArea)
	return *small, scale
}
