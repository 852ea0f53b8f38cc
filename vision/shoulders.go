package vision

import (
	"image"
	"math"
	"sort"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// Where to look for shoulders, in face widths and heights from the face box.
const (
	shoulderOffset = 1.25 // strip centre from the face centre, face widths
	shoulderStrip  = 0.5  // strip width, face widths
	shoulderBand   = 1.6  // band depth below the chin, face heights
)

// shoulderColumns are the x positions, in frame pixels, where the shoulders
// are measured below a face: picture-left then picture-right.
func shoulderColumns(face monitor.Rect) (left, right float64) {
	c := face.Center().X
	return c - shoulderOffset*face.W, c + shoulderOffset*face.W
}

// shoulderFinder estimates the shoulder line below a face classically: in a
// band below the chin, in a strip each side of the neck, the strongest
// horizontal edge (background to body) on a downscaled grey picture.
type shoulderFinder struct {
	sobel   gocv.Mat
	profile []float64
	sorted  []float64
}

func newShoulderFinder() *shoulderFinder { return &shoulderFinder{sobel: gocv.NewMat()} }

// find looks in grey, which is the frame scaled by scale, below face (frame pixels).
// Left is the shoulder on the picture's left (the user's right).
func (s *shoulderFinder) find(grey gocv.Mat, scale float64, face monitor.Rect) monitor.ShoulderLine {
	var line monitor.ShoulderLine
	fw, fh := face.W*scale, face.H*scale
	chin := (face.Y + face.H) * scale
	top := int(chin + 0.05*fh)
	bottom := int(chin + shoulderBand*fh)
	if bottom > grey.Rows()-1 {
		bottom = grey.Rows() - 1
	}
	if bottom-top < 6 || fw < 4 {
		return line
	}
	lx, rx := shoulderColumns(face)
	half := shoulderStrip * fw / 2
	strips := [2]image.Rectangle{}
	for i, x := range []float64{lx * scale, rx * scale} {
		strips[i] = image.Rect(int(x-half), 0, int(x+half), 1).Intersect(image.Rect(0, 0, grey.Cols(), 1))
	}
	x0, x1 := grey.Cols(), 0
	for _, st := range strips {
		if st.Dx() >= 2 {
			x0, x1 = min(x0, st.Min.X), max(x1, st.Max.X)
		}
	}
	if x1 <= x0 {
		return line
	}
	// One pixel of margin above and below so the Sobel kernel sees real pixels.
	region := image.Rect(x0, top-1, x1, bottom+1).Intersect(image.Rect(0, 0, grey.Cols(), grey.Rows()))
	roi := grey.Region(region)
	gocv.Sobel(roi, &s.sobel, gocv.MatTypeCV16S, 0, 1, 3, 1, 0, gocv.BorderReplicate)
	roi.Close()
	d, err := s.sobel.DataPtrInt16()
	if err != nil {
		return line
	}
	w := region.Dx()
	for i, st := range strips {
		if st.Dx() < 2 {
			continue
		}
		y, conf := s.strongestRow(d, w, region, st)
		p := monitor.Point{X: (float64(st.Min.X+st.Max.X) / 2) / scale, Y: y / scale}
		if i == 0 {
			line.Left, line.LeftConfidence = p, conf
		} else {
			line.Right, line.RightConfidence = p, conf
		}
	}
	return line
}

// strongestRow returns the row (grey pixels) of the strongest horizontal
// edge in one strip, and a confidence from how much it stands out.
func (s *shoulderFinder) strongestRow(d []int16, w int, region, strip image.Rectangle) (float64, float64) {
	rows := region.Dy()
	s.profile = s.profile[:0]
	for y := 0; y < rows; y++ {
		sum := 0.0
		for x := strip.Min.X - region.Min.X; x < strip.Max.X-region.Min.X; x++ {
			sum += math.Abs(float64(d[y*w+x]))
		}
		s.profile = append(s.profile, sum/float64(strip.Dx()))
	}
	// Ignore the margin rows; smooth over three rows.
	best, bestY := -1.0, 0
	for y := 2; y < rows-2; y++ {
		v := (s.profile[y-1] + 2*s.profile[y] + s.profile[y+1]) / 4
		if v > best {
			best, bestY = v, y
		}
	}
	if best <= 0 {
		return float64(region.Min.Y + rows/2), 0
	}
	s.sorted = append(s.sorted[:0], s.profile...)
	sort.Float64s(s.sorted)
	median := s.sorted[len(s.sorted)/2]
	// A Sobel response of 40 is a step of about 10 grey levels.
	strength := math.Min(1, best/80)
	contrast := math.Min(1, math.Max(0, (best/(median+4)-1.5)/3))
	return float64(region.Min.Y+bestY) + 0.5, strength * contrast
}

func (s *shoulderFinder) Close() error { return s.sobel.Close() }
