//go:build matprofile

package vision

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"gocv.io/x/gocv"
)

// TestMatProfileStaysFlatOver1000Frames runs the whole pipeline (source,
// detection, shoulders, segmentation) over 1,000 frames of a clip and checks
// that no Mat is left behind.
func TestMatProfileStaysFlatOver1000Frames(t *testing.T) {
	img := readImage(t, faceJPG(t))
	clip := filepath.Join(t.TempDir(), "loop.avi")
	vw, err := gocv.VideoWriterFile(clip, "MJPG", 25, img.Cols(), img.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		vw.Write(img)
	}
	vw.Close()
	img.Close()

	before := gocv.MatProfile.Count()
	for _, det := range []string{DetectorBlazeFace, DetectorCascade} {
		frames := 0
		for frames < 500 {
			p, err := Open(Config{Input: clip, FPS: 0, Detector: det, SegmentEvery: 4})
			if err != nil {
				t.Fatal(err)
			}
			for frames < 500 {
				_, err := p.Observe(context.Background())
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				frames++
			}
			p.Close()
		}
	}
	if after := gocv.MatProfile.Count(); after != before {
		t.Errorf("Mat count %d before 1,000 frames, %d after", before, after)
	}
}
