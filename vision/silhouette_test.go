package vision

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"testing"

	"github.com/hunch-posture/hunch/monitor"
)

// sharedPeopleC is webcam-people-c, relative to this package's directory.
const sharedPeopleC = "../../shared/testdata/webcam-people-c"

// TestShouldersFoundWhenLeaningInClose runs the real face detector and the
// real segmentation on real frames of two people leaning in close to the
// camera, where the shoulder columns 1.25 face widths beside the face fall
// off the picture: the shoulder line must still be found, because that is
// when the neck gap tells a slouch. (Before the mirrored and clamped
// columns, it was found in fewer than half of these frames.)
func TestShouldersFoundWhenLeaningInClose(t *testing.T) {
	if _, err := os.Stat(sharedPeopleC); err != nil {
		t.Skipf("%s absent (../shared is not here): %v", sharedPeopleC, err)
	}
	bf, err := newBlazeFace()
	if err != nil {
		t.Fatal(err)
	}
	defer bf.Close()
	seg, err := newPersonSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	defer seg.Close()
	found, faces := 0, 0
	for n := 350; n <= 669; n += 8 { // q1's and q2's slouched frames
		img := readImage(t, filepath.Join(sharedPeopleC, "bad", fmt.Sprintf("%d.jpg", n)))
		fs, err := bf.detectIn(img, image.Rect(0, 0, img.Cols(), img.Rows()))
		if err == nil && len(fs) > 0 {
			faces++
			sil, err := seg.segment(img, &fs[0].Box)
			if err != nil {
				t.Fatal(err)
			}
			if sil.Shoulders.Found() {
				found++
			}
		}
		img.Close()
	}
	if faces < 30 || float64(found) < 0.9*float64(faces) {
		t.Errorf("shoulder line found in %d of %d slouched frames with a face, want at least 90%%", found, faces)
	}
}

// TestMaskShouldersOffThePicture reads shoulders from a drawn mask: a body
// filling the bottom rows, below a face near the picture's left edge (the
// left column falls off), then a face so large that both do.
func TestMaskShouldersOffThePicture(t *testing.T) {
	const side = 64
	mask := make([]float32, side*side)
	for y := 48; y < side; y++ {
		for x := range side {
			mask[y*side+x] = 1
		}
	}
	near := monitor.Rect{X: 4, Y: 10, W: 20, H: 20} // centre 14: left column at -11
	s := summariseMask(mask, side, side, side, &near)
	if !s.Shoulders.Found() || s.Shoulders.Left.Y != s.Shoulders.Right.Y || s.Shoulders.Left.X >= near.X {
		t.Errorf("face at the edge: shoulders %+v, want the right one mirrored to the left, level", s.Shoulders)
	}
	close := monitor.Rect{X: 15, Y: 6, W: 34, H: 34} // columns at -10.5 and 74.5
	s = summariseMask(mask, side, side, side, &close)
	if !s.Shoulders.Found() || s.Shoulders.Left.Y < 48 || s.Shoulders.Right.X > side {
		t.Errorf("face filling the picture: shoulders %+v, want both read inside the picture at the body's top", s.Shoulders)
	}
	tooClose := monitor.Rect{X: -20, Y: 6, W: 104, H: 40} // the picture is all face: no column beside the neck
	if s = summariseMask(mask, side, side, side, &tooClose); s.Shoulders.LeftConfidence != 0 || s.Shoulders.RightConfidence != 0 {
		t.Errorf("no room beside the face: shoulders %+v, want none", s.Shoulders)
	}
}
