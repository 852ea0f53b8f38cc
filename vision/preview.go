package vision

import (
	"image"

	"gocv.io/x/gocv"
)

// LastFrame copies the last frame Observe read, scaled to dst's size, into
// dst, a caller-owned RGBA picture, for the calibration preview. It returns
// false before the first frame and for a pipeline made with OpenImages. The
// frame is only copied, never written anywhere; call it from the goroutine
// that calls Observe.
func (p *Pipeline) LastFrame(dst *image.RGBA) bool {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	if p.src == nil || p.frame.Empty() || p.frame.Channels() != 3 || w <= 0 || h <= 0 {
		return false
	}
	small, rgba := gocv.NewMat(), gocv.NewMat()
	defer small.Close()
	defer rgba.Close()
	gocv.Resize(p.frame, &small, image.Pt(w, h), 0, 0, gocv.InterpolationArea)
	gocv.CvtColor(small, &rgba, gocv.ColorBGRToRGBA)
	pix, err := rgba.DataPtrUint8()
	if err != nil || len(pix) < 4*w*h {
		return false
	}
	for y := 0; y < h; y++ {
		copy(dst.Pix[y*dst.Stride:y*dst.Stride+4*w], pix[y*4*w:(y+1)*4*w])
	}
	return true
}
