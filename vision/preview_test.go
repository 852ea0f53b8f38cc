package vision

import (
	"context"
	"image"
	"testing"
)

func TestLastFrameIsTheCameraPictureScaledDownForThePreview(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	clip := stillClip(t, 3, 5)

	p, err := Open(Config{Input: clip, Detector: DetectorCascade})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	dst := image.NewRGBA(image.Rect(0, 0, 160, 120))
	if p.LastFrame(dst) {
		t.Fatal("a frame before any was read")
	}
	if _, err := p.Observe(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !p.LastFrame(dst) {
		t.Fatal("no frame after Observe")
	}
	// Compare a few spots with the original picture, scaled by 4.
	for _, pt := range []image.Point{{20, 20}, {80, 40}, {80, 90}, {140, 100}} {
		v := img.GetVecbAt(pt.Y*4+2, pt.X*4+2) // BGR
		got := dst.RGBAAt(pt.X, pt.Y)
		for i, pair := range [][2]uint8{{got.R, v[2]}, {got.G, v[1]}, {got.B, v[0]}} {
			if d := int(pair[0]) - int(pair[1]); d > 40 || d < -40 || got.A != 255 {
				t.Errorf("at %v channel %d: preview %v, picture %v", pt, i, got, v)
			}
		}
	}
	if still, _ := OpenImages(Config{Detector: DetectorCascade}); still != nil {
		defer still.Close()
		if still.LastFrame(dst) {
			t.Error("a pipeline without a source has no last frame")
		}
	}
}
