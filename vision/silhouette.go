package vision

import (
	"fmt"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/models"
	"github.com/hunch-posture/hunch/monitor"
)

// segSide is the selfie segmentation model's input and mask size.
const segSide = 256

// personSegmenter runs MediaPipe selfie segmentation and summarises its mask.
type personSegmenter struct {
	net   gocv.Net
	input *tensorInput
	mask  []float32 // a copy of the last mask, segSide×segSide
}

// newPersonSegmenter loads the embedded segmentation network.
func newPersonSegmenter() (*personSegmenter, error) {
	net, err := gocv.ReadNetFromONNXBytes(models.SelfieSegmentation)
	if err != nil {
		return nil, fmt.Errorf("load segmentation model: %w", err)
	}
	if net.Empty() {
		net.Close()
		return nil, fmt.Errorf("load segmentation model: OpenCV returned an empty network")
	}
	return &personSegmenter{net: net, input: newTensorInput(segSide, 0, 1), mask: make([]float32, segSide*segSide)}, nil
}

// segment runs the network on a BGR frame and summarises the person's mask
// in frame pixels; face, when not nil, places the shoulder columns.
func (p *personSegmenter) segment(img gocv.Mat, face *monitor.Rect) (monitor.Silhouette, error) {
	if err := p.input.stretch(img); err != nil {
		return monitor.Silhouette{}, fmt.Errorf("segmentation input: %w", err)
	}
	p.net.SetInput(p.input.blob, "")
	out := p.net.Forward("")
	defer out.Close()
	m, err := out.DataPtrFloat32()
	if err != nil {
		return monitor.Silhouette{}, fmt.Errorf("segmentation output: %w", err)
	}
	if len(m) != len(p.mask) {
		return monitor.Silhouette{}, fmt.Errorf("segmentation output: %d values, want %d", len(m), len(p.mask))
	}
	copy(p.mask, m)
	return summariseMask(p.mask, segSide, float64(img.Cols()), float64(img.Rows()), face), nil
}

func (p *personSegmenter) Close() error {
	p.input.Close()
	return p.net.Close()
}

// summariseMask reduces a side×side person mask (values 0..1) stretched over
// a w×h frame to a Silhouette in frame pixels.
func summariseMask(mask []float32, side int, w, h float64, face *monitor.Rect) monitor.Silhouette {
	const on = 0.5
	sx, sy := w/float64(side), h/float64(side)
	var sil monitor.Silhouette
	count, sumX := 0, 0.0
	top := -1
	for y := 0; y < side; y++ {
		row := mask[y*side : (y+1)*side]
		n := 0
		for x, v := range row {
			if v > on {
				n++
				sumX += float64(x)
			}
		}
		if n >= 2 && top < 0 {
			top = y
		}
		count += n
		if y == side-1 {
			sil.BottomCoverage = float64(n) / float64(side)
		}
	}
	sil.Coverage = float64(count) / float64(side*side)
	if count == 0 {
		return sil
	}
	sil.Top = float64(top) * sy
	sil.CenterX = (sumX/float64(count) + 0.5) * sx

	// Shoulder columns: beside the face when known, else either side of the
	// body's centre at a third of the bottom row's width.
	var lx, rx, from float64
	if face != nil && face.W > 0 {
		lx, rx = shoulderColumns(*face)
		from = face.Center().Y / sy
	} else {
		half := 0.3 * sil.BottomCoverage * w
		if half < 0.1*w {
			half = 0.1 * w
		}
		lx, rx = sil.CenterX-half, sil.CenterX+half
		from = float64(top)
	}
	for i, x := range []float64{lx, rx} {
		col := int(x / sx)
		if col < 0 || col >= side {
			continue
		}
		y, ok := firstPersonRow(mask, side, col, int(from))
		if !ok {
			continue
		}
		p := monitor.Point{X: x, Y: (float64(y) + 0.5) * sy}
		if i == 0 {
			sil.Shoulders.Left, sil.Shoulders.LeftConfidence = p, 1
		} else {
			sil.Shoulders.Right, sil.Shoulders.RightConfidence = p, 1
		}
	}
	return sil
}

// firstPersonRow is the first row at or below from where column col is the
// person for three rows running: the top of the outline there.
func firstPersonRow(mask []float32, side, col, from int) (int, bool) {
	if from < 0 {
		from = 0
	}
	run := 0
	for y := from; y < side; y++ {
		if mask[y*side+col] > 0.5 {
			run++
			if run == 3 {
				return y - 2, true
			}
		} else {
			run = 0
		}
	}
	return 0, false
}
