package vision

import (
	"image"

	"gocv.io/x/gocv"
)

// letterbox maps a square network input back to the frame: a region of the
// frame, scaled to fit and centred in a side×side square with padding.
type letterbox struct {
	region image.Rectangle // the frame region shown, clamped to the frame
	scale  float64         // input pixels per frame pixel
	offX   int             // padding left of the picture, input pixels
	offY   int             // padding above the picture, input pixels
	w, h   int             // size of the scaled picture in the input
}

// newLetterbox fits region (already clamped to the frame) into a side×side square.
func newLetterbox(region image.Rectangle, side int) letterbox {
	rw, rh := region.Dx(), region.Dy()
	longest := rw
	if rh > longest {
		longest = rh
	}
	lb := letterbox{region: region, scale: float64(side) / float64(longest)}
	lb.w = clampInt(int(float64(rw)*lb.scale+0.5), 1, side)
	lb.h = clampInt(int(float64(rh)*lb.scale+0.5), 1, side)
	lb.offX = (side - lb.w) / 2
	lb.offY = (side - lb.h) / 2
	return lb
}

// toFrame converts input pixel coordinates to frame pixels.
func (lb letterbox) toFrame(u, v float64) (x, y float64) {
	return float64(lb.region.Min.X) + (u-float64(lb.offX))/lb.scale,
		float64(lb.region.Min.Y) + (v-float64(lb.offY))/lb.scale
}

// tensorInput fills an NHWC float tensor from BGR frames, reusing its buffers.
type tensorInput struct {
	side    int
	blob    gocv.Mat // [1,side,side,3] CV_32F
	resized gocv.Mat // scaled picture, BGR bytes
	lo, hi  float32  // the value range pixels 0 and 255 map to
}

// newTensorInput allocates the buffers for a side×side input scaled to [lo,hi].
func newTensorInput(side int, lo, hi float32) *tensorInput {
	return &tensorInput{
		side:    side,
		blob:    gocv.NewMatWithSizes([]int{1, side, side, 3}, gocv.MatTypeCV32F),
		resized: gocv.NewMat(),
		lo:      lo,
		hi:      hi,
	}
}

// fill letterboxes region of img into the tensor as RGB; padding is mid-range.
func (t *tensorInput) fill(img gocv.Mat, region image.Rectangle) (letterbox, error) {
	lb := newLetterbox(region, t.side)
	roi := img.Region(region)
	gocv.Resize(roi, &t.resized, image.Pt(lb.w, lb.h), 0, 0, gocv.InterpolationLinear)
	roi.Close()
	return lb, t.copyIn(lb)
}

// stretch resizes the whole of img into the tensor, ignoring aspect (as
// MediaPipe's segmentation does); the returned letterbox maps back per axis
// only when the frame is square, so callers use the frame size instead.
func (t *tensorInput) stretch(img gocv.Mat) error {
	gocv.Resize(img, &t.resized, image.Pt(t.side, t.side), 0, 0, gocv.InterpolationLinear)
	return t.copyIn(letterbox{w: t.side, h: t.side})
}

// copyIn writes t.resized into the blob at the letterbox's offset, BGR→RGB.
func (t *tensorInput) copyIn(lb letterbox) error {
	dst, err := t.blob.DataPtrFloat32()
	if err != nil {
		return err
	}
	src, err := t.resized.DataPtrUint8()
	if err != nil {
		return err
	}
	pad := (t.lo + t.hi) / 2
	for i := range dst {
		dst[i] = pad
	}
	k := (t.hi - t.lo) / 255
	for y := 0; y < lb.h; y++ {
		s := src[y*lb.w*3 : (y+1)*lb.w*3]
		d := dst[((y+lb.offY)*t.side+lb.offX)*3:]
		for x := 0; x < lb.w; x++ {
			d[3*x] = t.lo + k*float32(s[3*x+2])
			d[3*x+1] = t.lo + k*float32(s[3*x+1])
			d[3*x+2] = t.lo + k*float32(s[3*x])
		}
	}
	return nil
}

// Close frees the buffers.
func (t *tensorInput) Close() error {
	t.blob.Close()
	t.resized.Close()
	return nil
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
