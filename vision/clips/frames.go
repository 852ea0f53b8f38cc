package clips

import (
	"fmt"
	"image"
	"image/color"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision"
)

// View is how real frames are shown in a clip, to try Hunch on the pictures
// other webcams give.
type View struct {
	// Size is the clip's frame size; zero keeps the first picture's.
	Size image.Point
	// Pillarbox fits each picture inside Size unstretched, with black bars
	// (a square 224-pixel webcam picture scaled up into 640×480, say).
	Pillarbox bool
	// Gain scales brightness (0.4 is a dim room); 0 leaves it.
	Gain float64
	// FaceMask paints a plain mask over the lower face of each picture, from
	// the nose to below the chin and cheek to cheek, where vision's detector
	// finds the face in the unmasked picture: a user who wears one at the
	// desk, which the landmarks of the mouth and chin then only guess at.
	FaceMask bool
}

// FromFrames writes the pictures at framePaths, in order, as an MJPG .avi of
// the given frame rate, each shown as view says.
func FromFrames(outPath string, framePaths []string, fps float64, view View) error {
	if len(framePaths) == 0 {
		return fmt.Errorf("clip %s: no frames given", outPath)
	}
	if fps <= 0 {
		return fmt.Errorf("clip %s: fps %g must be positive", outPath, fps)
	}
	sh, err := newShowing(view)
	if err != nil {
		return fmt.Errorf("clip %s: %w", outPath, err)
	}
	defer sh.Close()
	var vw *gocv.VideoWriter
	for _, p := range framePaths {
		if err := sh.show(p); err != nil {
			if vw != nil {
				vw.Close()
			}
			return fmt.Errorf("clip %s: %w", outPath, err)
		}
		if vw == nil {
			if vw, err = gocv.VideoWriterFile(outPath, "MJPG", fps, sh.shown.Cols(), sh.shown.Rows(), true); err != nil {
				return fmt.Errorf("clip %s: %w", outPath, err)
			}
		}
		if err := vw.Write(sh.shown); err != nil {
			vw.Close()
			return fmt.Errorf("clip %s: %w", outPath, err)
		}
	}
	return vw.Close()
}

// showing turns picture files into a clip's frames as a view says.
type showing struct {
	view          View
	faces         *vision.Pipeline // finds the face to mask; nil without FaceMask
	shown, scaled gocv.Mat
}

func newShowing(view View) (*showing, error) {
	sh := &showing{view: view, shown: gocv.NewMat(), scaled: gocv.NewMat()}
	if view.FaceMask {
		faces, err := vision.OpenImages(vision.Config{Detector: vision.DetectorBlazeFace})
		if err != nil {
			sh.Close()
			return nil, err
		}
		sh.faces = faces
	}
	return sh, nil
}

// show reads the picture at path into sh.shown; the first one read sets the
// size of a view that has none.
func (sh *showing) show(path string) error {
	img := gocv.IMRead(path, gocv.IMReadColor)
	defer img.Close()
	if img.Empty() {
		return fmt.Errorf("cannot read frame %s", path)
	}
	if sh.view.Size == (image.Point{}) {
		sh.view.Size = image.Pt(img.Cols(), img.Rows())
	}
	if sh.faces != nil {
		if err := paintFaceMask(sh.faces, path, &img); err != nil {
			return err
		}
	}
	sh.view.render(img, &sh.shown, &sh.scaled)
	return nil
}

// Close frees the pictures and the face detector.
func (sh *showing) Close() {
	sh.shown.Close()
	sh.scaled.Close()
	if sh.faces != nil {
		sh.faces.Close()
	}
}

// render draws img into dst as the view says; scaled is scratch space.
func (v View) render(img gocv.Mat, dst, scaled *gocv.Mat) {
	if !v.Pillarbox {
		gocv.Resize(img, dst, v.Size, 0, 0, gocv.InterpolationLinear)
	} else {
		s := min(float64(v.Size.X)/float64(img.Cols()), float64(v.Size.Y)/float64(img.Rows()))
		w, h := int(float64(img.Cols())*s), int(float64(img.Rows())*s)
		gocv.Resize(img, scaled, image.Pt(w, h), 0, 0, gocv.InterpolationLinear)
		left, top := (v.Size.X-w)/2, (v.Size.Y-h)/2
		gocv.CopyMakeBorder(*scaled, dst, top, v.Size.Y-h-top, left, v.Size.X-w-left, gocv.BorderConstant, color.RGBA{})
	}
	if v.Gain > 0 && v.Gain != 1 {
		dst.ConvertToWithParams(dst, gocv.MatTypeCV8UC3, float32(v.Gain), 0)
	}
}

// maskColour is a surgical mask's pale blue.
var maskColour = color.RGBA{R: 160, G: 200, B: 225}

// paintFaceMask covers the lower face of the picture read from path (img)
// with a mask where detector finds the face; a picture without a face is
// left as it is.
func paintFaceMask(detector *vision.Pipeline, path string, img *gocv.Mat) error {
	obs, err := detector.ObserveFile(path, 0)
	if err != nil {
		return err
	}
	if len(obs.Faces) == 0 {
		return nil
	}
	f := obs.Faces[0].Box
	at := func(x, y float64) image.Point { return image.Pt(int(f.X+x*f.W), int(f.Y+y*f.H)) }
	outline := gocv.NewPointsVectorFromPoints([][]image.Point{{
		at(-0.02, 0.52), at(0.5, 0.45), at(1.02, 0.52), at(0.95, 0.9), at(0.5, 1.12), at(0.05, 0.9),
	}})
	defer outline.Close()
	gocv.FillPoly(img, outline, maskColour)
	return nil
}
