package clips

import (
	"image"
	"path/filepath"
	"testing"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision"
)

func TestFromFramesPillarboxesAndDimsRealFrames(t *testing.T) {
	face, err := vision.FaceImagePath()
	if err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "frames.avi")
	view := View{Size: image.Pt(640, 480), Pillarbox: true, Gain: 0.5}
	if err := FromFrames(out, []string{face, face, face}, 5, view); err != nil {
		t.Fatal(err)
	}
	cap, err := gocv.VideoCaptureFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer cap.Close()
	m := gocv.NewMat()
	defer m.Close()
	n := 0
	for cap.Read(&m) {
		n++
	}
	if n != 3 {
		t.Fatalf("%d frames read back, want 3", n)
	}
	// face.jpg is 640×480 already: no bars, half as bright as the original.
	orig := gocv.IMRead(face, gocv.IMReadColor)
	defer orig.Close()
	cap.Set(gocv.VideoCapturePosFrames, 0)
	cap.Read(&m)
	if m.Cols() != 640 || m.Rows() != 480 {
		t.Fatalf("frame %dx%d, want 640x480", m.Cols(), m.Rows())
	}
	if got, want := m.Mean().Val1, orig.Mean().Val1*0.5; got < want*0.9 || got > want*1.1 {
		t.Errorf("mean blue %.1f, want about %.1f (gain 0.5)", got, want)
	}
}

func TestPillarboxKeepsTheShapeOfASquarePicture(t *testing.T) {
	square := gocv.NewMatWithSize(224, 224, gocv.MatTypeCV8UC3)
	defer square.Close()
	square.SetTo(gocv.NewScalar(200, 200, 200, 0))
	dst, scratch := gocv.NewMat(), gocv.NewMat()
	defer dst.Close()
	defer scratch.Close()
	View{Size: image.Pt(640, 480), Pillarbox: true}.render(square, &dst, &scratch)
	if dst.Cols() != 640 || dst.Rows() != 480 {
		t.Fatalf("rendered %dx%d, want 640x480", dst.Cols(), dst.Rows())
	}
	// The picture is 480×480 in the middle, black bars of 80 on each side.
	if v := dst.GetVecbAt(240, 40)[0]; v != 0 {
		t.Errorf("left bar pixel %d, want black", v)
	}
	if v := dst.GetVecbAt(240, 320)[0]; v != 200 {
		t.Errorf("centre pixel %d, want the picture's 200", v)
	}
	if v := dst.GetVecbAt(240, 600)[0]; v != 0 {
		t.Errorf("right bar pixel %d, want black", v)
	}
}

func TestFaceMaskCoversTheLowerFaceOnly(t *testing.T) {
	face, err := vision.FaceImagePath()
	if err != nil {
		t.Skip(err)
	}
	detector, err := vision.OpenImages(vision.Config{Detector: vision.DetectorBlazeFace})
	if err != nil {
		t.Fatal(err)
	}
	defer detector.Close()
	obs, err := detector.ObserveFile(face, 0)
	if err != nil || len(obs.Faces) == 0 {
		t.Fatalf("no face in %s (%v)", face, err)
	}
	box := obs.Faces[0].Box
	img := gocv.IMRead(face, gocv.IMReadColor)
	defer img.Close()
	if err := paintFaceMask(detector, face, &img); err != nil {
		t.Fatal(err)
	}
	isMask := func(x, y float64) bool {
		v := img.GetVecbAt(int(box.Y+y*box.H), int(box.X+x*box.W))
		return v[0] == maskColour.B && v[1] == maskColour.G && v[2] == maskColour.R
	}
	// The mouth and chin are covered; the eyes and the forehead are not.
	for _, p := range [][2]float64{{0.5, 0.75}, {0.3, 0.7}, {0.7, 0.7}, {0.5, 1.0}} {
		if !isMask(p[0], p[1]) {
			t.Errorf("lower face at %.2f,%.2f of the face box is not masked", p[0], p[1])
		}
	}
	for _, p := range [][2]float64{{0.3, 0.3}, {0.7, 0.3}, {0.5, 0.1}} {
		if isMask(p[0], p[1]) {
			t.Errorf("upper face at %.2f,%.2f of the face box is masked", p[0], p[1])
		}
	}
	// The detector still finds the masked face (what the eval's masked view
	// relies on to judge anything at all).
	tmp := filepath.Join(t.TempDir(), "masked.jpg")
	if !gocv.IMWrite(tmp, img) {
		t.Fatal("cannot write the masked picture")
	}
	masked, err := detector.ObserveFile(tmp, 0)
	if err != nil || len(masked.Faces) == 0 {
		t.Fatalf("no face found once masked (%v)", err)
	}
}
