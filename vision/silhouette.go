package vision

import (
	"fmt"
	"math"

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
	cx := (lx + rx) / 2
	sil.Shoulders = shouldersInMask(mask, side, sx, sy, lx, rx, from)
	if sil.Shoulders.LeftConfidence == 0 && sil.Shoulders.RightConfidence == 0 && face != nil && face.W > 0 {
		// Both columns off the picture (the user leans in close): read
		// them as far out as the picture allows, if still beside the neck.
		m := edgeMargin*w + sx
		lx, rx = math.Max(lx, m), math.Min(rx, w-m)
		if cx-lx < minShoulderOffset*face.W {
			lx = -1
		}
		if rx-cx < minShoulderOffset*face.W {
			rx = w + 1
		}
		sil.Shoulders = shouldersInMask(mask, side, sx, sy, lx, rx, from)
	}
	mirrorMissingShoulder(&sil.Shoulders, cx)
	return sil
}

// shouldersInMask reads the top of the person's outline in columns lx and rx
// (frame pixels), at or below row from (mask rows); a column in the picture's
// edge strip, or off it, yields no shoulder.
func shouldersInMask(mask []float32, side int, sx, sy, lx, rx, from float64) monitor.ShoulderLine {
	var line monitor.ShoulderLine
	margin := int(math.Ceil(edgeMargin * float64(side)))
	for i, x := range []float64{lx, rx} {
		col := int(x / sx)
		if x < 0 || col < margin || col >= side-margin {
			continue
		}
		y, ok := firstPersonRow(mask, side, col, int(from))
		if !ok {
			continue
		}
		p := monitor.Point{X: x, Y: (float64(y) + 0.5) * sy}
		if i == 0 {
			line.Left, line.LeftConfidence = p, 1
		} else {
			line.Right, line.RightConfidence = p, 1
		}
	}
	return line
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

// edgeMargin is the strip along the picture's sides, as a fraction of its
// width, where the mask is not read for a shoulder: the segmentation is least
// sure at the border, and a body cut by the edge has no outline there.
const edgeMargin = 0.03

// minShoulderOffset is how near the face's centre, in face widths, a shoulder
// may still be read: beyond half a face width and the hair's fall, on the
// shoulder itself rather than the neck.
const minShoulderOffset = 0.8

// mirrorMissingShoulder takes a shoulder that could not be measured (its
// column off the picture, as when the user leans in close) to be level with
// the other, mirrored about the face's centre column cx, so that the neck gap
// is still measured when it matters most. With neither found it does nothing.
func mirrorMissingShoulder(s *monitor.ShoulderLine, cx float64) {
	switch {
	case s.LeftConfidence > 0 && s.RightConfidence == 0:
		s.Right, s.RightConfidence = monitor.Point{X: 2*cx - s.Left.X, Y: s.Left.Y}, s.LeftConfidence
	case s.RightConfidence > 0 && s.LeftConfidence == 0:
		s.Left, s.LeftConfidence = monitor.Point{X: 2*cx - s.Right.X, Y: s.Right.Y}, s.RightConfidence
	}
}
