package vision

import (
	"fmt"
	"image"
	"math"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/models"
	"github.com/hunch-posture/hunch/monitor"
)

// blazeSide is BlazeFace's input size in pixels.
const blazeSide = 128

// blazeOutputs are the network's output blobs: scores of the 16×16 and 8×8
// grids, then their boxes with keypoints.
var blazeOutputs = []string{"Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"}

// blazeFace is MediaPipe's short-range face detector run through OpenCV DNN.
type blazeFace struct {
	net      gocv.Net
	input    *tensorInput
	focus    monitor.Rect
	hasFocus bool
	anchors  [][2]float32
	found    []monitor.Face // reused candidate buffer
}

// minFaceScore is the score a candidate face needs. MediaPipe's own graph
// for this model keeps 0.5; Hunch asks a little more (a hand choice): a
// frame without a face costs little, the tracker rides over it, while a
// face found in a poster would be judged.
const minFaceScore = 0.6

// faceOverlap is the overlap (intersection over union) above which two
// candidates are one face, as in MediaPipe's graph for this model.
const faceOverlap = 0.3

// newBlazeFace loads the embedded BlazeFace network.
func newBlazeFace() (*blazeFace, error) {
	net, err := gocv.ReadNetFromONNXBytes(models.BlazeFace)
	if err != nil {
		return nil, fmt.Errorf("load blazeface model: %w", err)
	}
	if net.Empty() {
		net.Close()
		return nil, fmt.Errorf("load blazeface model: OpenCV returned an empty network")
	}
	net.SetPreferableBackend(gocv.NetBackendOpenCV)
	net.SetPreferableTarget(gocv.NetTargetCPU)
	return &blazeFace{
		net:     net,
		input:   newTensorInput(blazeSide, -1, 1),
		anchors: blazeAnchors(),
	}, nil
}

// blazeAnchors lists the 896 anchor centres: 16×16 cells with 2 anchors, then 8×8 with 6.
func blazeAnchors() [][2]float32 {
	a := make([][2]float32, 0, 896)
	for _, g := range []struct{ cells, per int }{{16, 2}, {8, 6}} {
		for y := 0; y < g.cells; y++ {
			for x := 0; x < g.cells; x++ {
				for k := 0; k < g.per; k++ {
					a = append(a, [2]float32{(float32(x) + 0.5) / float32(g.cells), (float32(y) + 0.5) / float32(g.cells)})
				}
			}
		}
	}
	return a
}

// Focus makes the next detections look first in a region about three times
// the size of r; a zero Rect clears it.
func (b *blazeFace) Focus(r monitor.Rect) {
	b.focus, b.hasFocus = r, r.W > 0 && r.H > 0
}

// Detect finds faces in a BGR frame, best first.
func (b *blazeFace) Detect(img gocv.Mat) ([]monitor.Face, error) {
	frame := image.Rect(0, 0, img.Cols(), img.Rows())
	if frame.Empty() {
		return nil, fmt.Errorf("blazeface: empty frame")
	}
	if b.hasFocus {
		side := 3 * math.Max(b.focus.W, b.focus.H)
		c := b.focus.Center()
		region := image.Rect(int(c.X-side/2), int(c.Y-side/2), int(c.X+side/2), int(c.Y+side/2)).Intersect(frame)
		if region.Dx() >= 16 && region.Dy() >= 16 && region != frame {
			faces, err := b.detectIn(img, region)
			if err != nil || len(faces) > 0 {
				return faces, err
			}
		}
	}
	return b.detectIn(img, frame)
}

// detectIn runs the network on one region of the frame.
func (b *blazeFace) detectIn(img gocv.Mat, region image.Rectangle) ([]monitor.Face, error) {
	lb, err := b.input.fill(img, region)
	if err != nil {
		return nil, fmt.Errorf("blazeface input: %w", err)
	}
	b.net.SetInput(b.input.blob, "")
	outs := b.net.ForwardLayers(blazeOutputs)
	defer func() {
		for i := range outs {
			outs[i].Close()
		}
	}()
	if len(outs) != 4 {
		return nil, fmt.Errorf("blazeface: %d outputs, want 4", len(outs))
	}
	b.found = b.found[:0]
	base := 0
	for g := 0; g < 2; g++ {
		scores, err := outs[g].DataPtrFloat32()
		if err != nil {
			return nil, fmt.Errorf("blazeface scores: %w", err)
		}
		boxes, err := outs[g+2].DataPtrFloat32()
		if err != nil {
			return nil, fmt.Errorf("blazeface boxes: %w", err)
		}
		if len(boxes) != 16*len(scores) || base+len(scores) > len(b.anchors) {
			return nil, fmt.Errorf("blazeface: unexpected output sizes %d and %d", len(scores), len(boxes))
		}
		for i, logit := range scores {
			s := sigmoid(logit)
			if s < minFaceScore {
				continue
			}
			b.found = append(b.found, decodeBlaze(b.anchors[base+i], boxes[16*i:16*i+16], s, lb))
		}
		base += len(scores)
	}
	return weightedNMS(b.found, faceOverlap), nil
}

// decodeBlaze turns one anchor's 16 regressors into a face in frame pixels.
func decodeBlaze(anchor [2]float32, r []float32, score float64, lb letterbox) monitor.Face {
	ax, ay := float64(anchor[0])*blazeSide, float64(anchor[1])*blazeSide
	cx, cy := ax+float64(r[0]), ay+float64(r[1])
	w, h := float64(r[2]), float64(r[3])
	x0, y0 := lb.toFrame(cx-w/2, cy-h/2)
	x1, y1 := lb.toFrame(cx+w/2, cy+h/2)
	f := monitor.Face{Box: monitor.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}, HasLandmarks: true, Score: score}
	for k := range f.Landmarks {
		x, y := lb.toFrame(ax+float64(r[4+2*k]), ay+float64(r[5+2*k]))
		f.Landmarks[k] = monitor.Point{X: x, Y: y}
	}
	return f
}

// Close frees the network.
func (b *blazeFace) Close() error {
	b.input.Close()
	return b.net.Close()
}

func sigmoid(logit float32) float64 {
	x := math.Max(-100, math.Min(100, float64(logit)))
	return 1 / (1 + math.Exp(-x))
}
