package vision

import (
	"fmt"
	"image"
	"os"
	"sort"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/models"
	"github.com/hunch-posture/hunch/monitor"
)

// cascadeWidth is the width the cascade's grey frame is downscaled to.
const cascadeWidth = 320

// haarCascade is OpenCV's frontal-face Haar cascade: boxes only, no landmarks.
type haarCascade struct {
	cc    gocv.CascadeClassifier
	grey  gocv.Mat
	small gocv.Mat
}

// newHaarCascade loads the embedded cascade. OpenCV reads cascades from a
// path only, so the bytes go to a temporary file that is removed at once.
func newHaarCascade() (*haarCascade, error) {
	f, err := os.CreateTemp("", "hunch-cascade-*.xml")
	if err != nil {
		return nil, fmt.Errorf("load face cascade: %w", err)
	}
	name := f.Name()
	defer os.Remove(name)
	_, werr := f.Write(models.FrontalFaceCascade)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return nil, fmt.Errorf("load face cascade: %w", werr)
	}
	cc := gocv.NewCascadeClassifier()
	if !cc.Load(name) {
		cc.Close()
		return nil, fmt.Errorf("load face cascade: OpenCV could not read it")
	}
	return &haarCascade{cc: cc, grey: gocv.NewMat(), small: gocv.NewMat()}, nil
}

// Detect finds faces in a BGR frame, largest first.
func (c *haarCascade) Detect(img gocv.Mat) ([]monitor.Face, error) {
	if img.Empty() {
		return nil, fmt.Errorf("face cascade: empty frame")
	}
	src, scale := greyAtWidth(img, &c.grey, &c.small, cascadeWidth)
	// A user at a desk fills at least a sixth of the picture's height.
	minSide := src.Rows() / 6
	if minSide < 20 {
		minSide = 20
	}
	rects := c.cc.DetectMultiScaleWithParams(src, 1.1, 5, 0, image.Pt(minSide, minSide), image.Pt(0, 0))
	faces := make([]monitor.Face, 0, len(rects))
	for _, r := range rects {
		faces = append(faces, monitor.Face{
			Box: monitor.Rect{
				X: float64(r.Min.X) / scale, Y: float64(r.Min.Y) / scale,
				W: float64(r.Dx()) / scale, H: float64(r.Dy()) / scale,
			},
			Score: 1,
		})
	}
	sort.Slice(faces, func(i, j int) bool { return faces[i].Box.Area() > faces[j].Box.Area() })
	return faces, nil
}

// Close frees the classifier.
func (c *haarCascade) Close() error {
	c.grey.Close()
	c.small.Close()
	return c.cc.Close()
}
