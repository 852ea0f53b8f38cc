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
