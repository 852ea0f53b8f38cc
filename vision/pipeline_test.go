package vision

import (
	"math"
	"testing"

	"github.com/hunch-posture/hunch/monitor"
)

func TestCascadeAlsoFindsTheFace(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	c, err := newHaarCascade()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	faces, err := c.Detect(img)
	if err != nil || len(faces) != 1 {
		t.Fatalf("cascade: %d faces, %v; want 1: %+v", len(faces), err, faces)
	}
	b, _ := newBlazeFace()
	defer b.Close()
	ref, _ := b.Detect(img)
	if iou(faces[0].Box, ref[0].Box) < 0.4 {
		t.Errorf("cascade box %+v far from BlazeFace's %+v", faces[0].Box, ref[0].Box)
	}
}

func TestObservingGocvsWebcamFrame(t *testing.T) {
	p, err := OpenImages(Config{Detector: DetectorBlazeFace, SegmentEvery: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	obs, err := p.ObserveFile(faceJPG(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	if obs.Width != 640 || obs.Height != 480 || len(obs.Faces) != 1 {
		t.Fatalf("observation %dx%d with %d faces", obs.Width, obs.Height, len(obs.Faces))
	}
	f := obs.Faces[0].Box
	chin := f.Y + f.H
	t.Logf("face %+v shoulders %+v", f, obs.Shoulders)
	for _, side := range []struct {
		p    monitor.Point
		conf float64
	}{{obs.Shoulders.Left, obs.Shoulders.LeftConfidence}, {obs.Shoulders.Right, obs.Shoulders.RightConfidence}} {
		if side.conf > 0 && (side.p.Y < chin || side.p.Y > chin+2*f.H) {
			t.Errorf("shoulder %+v not within two face heights below the chin at %.0f", side.p, chin)
		}
	}
	if obs.Brightness <= 10 || obs.Brightness >= 245 || obs.Contrast < 10 {
		t.Errorf("brightness %.1f contrast %.1f implausible for a lit room", obs.Brightness, obs.Contrast)
	}
	if obs.Scene.W != 32 || obs.Scene.H != 24 || len(obs.Scene.Pix) != 32*24 {
		t.Errorf("scene %dx%d with %d values", obs.Scene.W, obs.Scene.H, len(obs.Scene.Pix))
	}
	s := obs.Silhouette
	if s == nil {
		t.Fatal("no silhouette with SegmentEvery 1")
	}
	t.Logf("silhouette %+v", *s)
	if s.Coverage < 0.1 || s.Coverage > 0.9 {
		t.Errorf("coverage %.2f implausible for one person at a desk", s.Coverage)
	}
	if s.Top > f.Y || s.Top < f.Y-f.H {
		t.Errorf("silhouette top %.0f not just above the face at %.0f", s.Top, f.Y)
	}
	if math.Abs(s.CenterX-f.Center().X) > f.W {
		t.Errorf("silhouette centre %.0f far from the face centre %.0f", s.CenterX, f.Center().X)
	}
}

// TestClassicalShouldersAgainstTheSilhouette measures the classical shoulder
// estimate against the segmentation mask's outline on real session frames.
func TestClassicalShouldersAgainstTheSilhouette(t *testing.T) {
	paths := append(sessionFrames(t, "upright"), sessionFrames(t, "slouched")...)
	p, err := OpenImages(Config{Detector: DetectorBlazeFace, SegmentEvery: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	sum, n, found := 0.0, 0, 0
	for _, path := range paths {
		obs, err := p.ObserveFile(path, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(obs.Faces) != 1 || obs.Silhouette == nil {
			t.Errorf("%s: %d faces", path, len(obs.Faces))
			continue
		}
		if obs.Shoulders.Found() {
			found++
		}
		c, ref := obs.Shoulders, obs.Silhouette.Shoulders
		if c.LeftConfidence > 0 && ref.LeftConfidence > 0 {
			sum += math.Abs(c.Left.Y - ref.Left.Y)
			n++
		}
		if c.RightConfidence > 0 && ref.RightConfidence > 0 {
			sum += math.Abs(c.Right.Y - ref.Right.Y)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no shoulder measured by both")
	}
	mad := sum / float64(n)
	t.Logf("classical vs silhouette shoulder height: mean absolute difference %.1f px over %d sides (224-px frames); both found on %d/%d frames", mad, n, found, len(paths))
	if mad > 30 {
		t.Errorf("classical shoulders %.1f px from the silhouette's on average, want at most 30", mad)
	}
}
