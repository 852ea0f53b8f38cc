package vision

import (
	"image"
	"image/color"
	"testing"

	"gocv.io/x/gocv"
)

func TestPictureAreaLeavesOutPillarboxBars(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	roi := img.Region(image.Rect(80, 0, 560, 480)) // a 480×480 webcam picture
	square := roi.Clone()                          // on its own: no pixels beyond it
	roi.Close()
	defer square.Close()
	boxed := gocv.NewMat()
	defer boxed.Close()
	gocv.CopyMakeBorder(square, &boxed, 0, 0, 80, 80, gocv.BorderConstant, color.RGBA{})

	p, err := OpenImages(Config{Detector: DetectorBlazeFace})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	obs, err := p.observe(boxed, 0)
	if err != nil {
		t.Fatal(err)
	}
	pic := obs.Picture
	if pic.X < 76 || pic.X > 84 || pic.W < 472 || pic.W > 484 || pic.Y != 0 || pic.H != 480 {
		t.Errorf("picture area %+v, want x 80, width 480, the full height", pic)
	}
	obs, err = p.observe(img, 0)
	if err != nil {
		t.Fatal(err)
	}
	if obs.Picture.X != 0 || obs.Picture.W != 640 {
		t.Errorf("a frame without bars: picture area %+v, want all 640 columns", obs.Picture)
	}
}
