package clips

import (
	"fmt"
	"image"

	"gocv.io/x/gocv"
)

// FromFrames writes the pictures at framePaths, in order, as an MJPG .avi of
// the given frame rate and size (each picture is resized to it; a zero size
// takes the first picture's).
func FromFrames(outPath string, framePaths []string, fps float64, size image.Point) error {
	if len(framePaths) == 0 {
		return fmt.Errorf("clip %s: no frames given", outPath)
	}
	if fps <= 0 {
		return fmt.Errorf("clip %s: fps %g must be positive", outPath, fps)
	}
	var vw *gocv.VideoWriter
	resized := gocv.NewMat()
	defer resized.Close()
	for _, p := range framePaths {
		img := gocv.IMRead(p, gocv.IMReadColor)
		if img.Empty() {
			img.Close()
			if vw != nil {
				vw.Close()
			}
			return fmt.Errorf("clip %s: cannot read frame %s", outPath, p)
		}
		if vw == nil {
			if size == (image.Point{}) {
				size = image.Pt(img.Cols(), img.Rows())
			}
			w, err := gocv.VideoWriterFile(outPath, "MJPG", fps, size.X, size.Y, true)
			if err != nil {
				img.Close()
				return fmt.Errorf("clip %s: %w", outPath, err)
			}
			vw = w
		}
		gocv.Resize(img, &resized, size, 0, 0, gocv.InterpolationLinear)
		img.Close()
		if err := vw.Write(resized); err != nil {
			vw.Close()
			return fmt.Errorf("clip %s: %w", outPath, err)
		}
	}
	return vw.Close()
}
