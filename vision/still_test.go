package vision

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"
	"time"

	"gocv.io/x/gocv"
)

// A real webcam frame with sensor noise, held still at 1 frame a second, is
// looked at by the networks once and then every maxStillAge; when the user slides
// down (the picture moves by a tenth of its height) the next frame is looked
// at again and finds the face where it went.
func TestAnUnchangedPictureIsNotLookedAtAgain(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	shift := img.Rows() / 10
	moved := gocv.NewMatWithSize(img.Rows(), img.Cols(), img.Type())
	defer moved.Close()
	top := img.Region(image.Rect(0, 0, img.Cols(), img.Rows()-shift))
	bottom := moved.Region(image.Rect(0, shift, img.Cols(), img.Rows()))
	top.CopyTo(&bottom)
	top.Close()
	bottom.Close()

	p, err := OpenImages(Config{SegmentEvery: defaultSegmentEvery})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	frame, noise := gocv.NewMat(), gocv.NewMatWithSize(img.Rows(), img.Cols(), img.Type())
	defer frame.Close()
	defer noise.Close()
	var faceY []float64
	for i := 0; i < 20; i++ {
		src := img
		if i >= 10 {
			src = moved
		}
		gocv.RandU(&noise, gocv.NewScalar(0, 0, 0, 0), gocv.NewScalar(5, 5, 5, 0)) // sensor noise, 0-4 levels
		gocv.Add(src, noise, &frame)
		o, err := p.observe(frame, time.Duration(i)*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if len(o.Faces) == 0 {
			t.Fatalf("frame %d: no face", i)
		}
		faceY = append(faceY, o.Faces[0].Box.Center().Y)
	}
	// Looked at: 0, 4, 8 (maxStillAge reached), 10 (moved), 14, 18.
	if got := p.Timing().Still; got != 14 {
		t.Errorf("%d of 20 frames reused the last analysis, want 14", got)
	}
	if d := faceY[10] - faceY[9]; math.Abs(d-float64(shift)) > 0.25*float64(shift) {
		t.Errorf("after sliding down by %d px the face moved %.0f px: the moved picture was not looked at", shift, d)
	}
	for i := 1; i < 4; i++ {
		if faceY[i] != faceY[0] {
			t.Errorf("frame %d of the still picture: face at %.1f, want the reused %.1f", i, faceY[i], faceY[0])
		}
	}
}

// With AnalyseEvery, every frame is looked at.
func TestAnalyseEveryLooksAtEveryFrame(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	p, err := OpenImages(Config{AnalyseEvery: true})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for i := 0; i < 5; i++ {
		if _, err := p.observe(img, time.Duration(i)*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if got := p.Timing().Still; got != 0 {
		t.Errorf("%d frames reused an analysis with AnalyseEvery", got)
	}
}

// A mask taken while the picture was changing is taken again on the first
// frame after it settles, and once only: a still user's verdict rests on the
// mask of the pose they hold, not of the move into it (the first frame of a
// run counts as a change, having nothing to compare with).
func TestAMaskTakenDuringAMoveIsRetakenOnceThePictureSettles(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	moved := gocv.NewMat()
	defer moved.Close()
	gocv.CopyMakeBorder(img, &moved, img.Rows()/10, 0, 0, 0, gocv.BorderReplicate, color.RGBA{})
	slid := moved.Region(image.Rect(0, 0, img.Cols(), img.Rows()))
	defer slid.Close()

	p, err := OpenImages(Config{SegmentEvery: defaultSegmentEvery})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var fresh []int
	for i := 0; i < 10; i++ {
		src := img
		if i >= 5 {
			src = slid // slid down by a tenth of the picture
		}
		o, err := p.observe(src, time.Duration(i)*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if o.SilhouetteAge == 0 {
			fresh = append(fresh, i)
		}
	}
	if want := []int{0, 1, 5, 6}; fmt.Sprint(fresh) != fmt.Sprint(want) {
		t.Errorf("masks taken at frames %v, want %v (each change, then the first still frame after it)", fresh, want)
	}
}
