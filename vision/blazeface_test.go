package vision

import (
	"testing"

	"github.com/hunch-posture/hunch/monitor"
)

// checkLandmarks fails when a face's keypoints are not where a face has them.
func checkLandmarks(t *testing.T, name string, f monitor.Face) {
	t.Helper()
	b := f.Box
	inside := func(p monitor.Point) bool { return p.X >= b.X && p.X <= b.X+b.W && p.Y >= b.Y && p.Y <= b.Y+b.H }
	re, le, nose, mouth := f.Landmark(monitor.RightEye), f.Landmark(monitor.LeftEye), f.Landmark(monitor.NoseTip), f.Landmark(monitor.Mouth)
	for _, p := range []monitor.Point{re, le, nose, mouth} {
		if !inside(p) {
			t.Errorf("%s: keypoint %+v outside the box %+v", name, p, b)
		}
	}
	if !(re.Y < nose.Y && le.Y < nose.Y && nose.Y < mouth.Y) {
		t.Errorf("%s: eyes %v %v, nose %v, mouth %v not in order top to bottom", name, re, le, nose, mouth)
	}
	if re.X >= le.X {
		t.Errorf("%s: the right eye %v should appear left of the left eye %v in an unmirrored frame", name, re, le)
	}
}

func TestBlazeFaceFindsTheOneFaceInGocvsWebcamFrame(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	d, err := newBlazeFace()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	faces, err := d.Detect(img)
	if err != nil {
		t.Fatal(err)
	}
	if len(faces) != 1 {
		t.Fatalf("found %d faces, want 1: %+v", len(faces), faces)
	}
	t.Logf("face %+v", faces[0])
	checkLandmarks(t, "face.jpg", faces[0])

	d.Focus(faces[0].Box)
	focused, err := d.Detect(img)
	if err != nil || len(focused) != 1 {
		t.Fatalf("focused: %d faces, %v", len(focused), err)
	}
	if iou(focused[0].Box, faces[0].Box) < 0.7 {
		t.Errorf("focused box %+v differs from the whole-frame box %+v", focused[0].Box, faces[0].Box)
	}
	d.Focus(monitor.Rect{X: 10, Y: 10, W: 20, H: 20})
	if fallback, _ := d.Detect(img); len(fallback) != 1 {
		t.Errorf("a focus with no face in it should fall back to the whole frame, found %d", len(fallback))
	}
}

func TestBlazeFaceFindsOneFaceOnEverySessionFrame(t *testing.T) {
	d, err := newBlazeFace()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, label := range []string{"upright", "slouched"} {
		for _, p := range sessionFrames(t, label) {
			img := readImage(t, p)
			faces, err := d.Detect(img)
			img.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(faces) != 1 {
				t.Errorf("%s: found %d faces, want 1", p, len(faces))
				continue
			}
			checkLandmarks(t, p, faces[0])
		}
	}
}
