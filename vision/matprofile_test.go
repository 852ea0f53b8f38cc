//go:build matprofile

package vision

import (
	"context"
	"errors"
	"io"
	"testing"

	"gocv.io/x/gocv"
)

// TestMatProfileStaysFlatOver1000Frames runs the whole pipeline (source,
// detection, shoulders, segmentation) over 1,000 frames of a clip and checks
// that no Mat is left behind.
func TestMatProfileStaysFlatOver1000Frames(t *testing.T) {
	clip := stillClip(t, 100, 25)

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
