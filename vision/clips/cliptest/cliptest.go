// Package cliptest generates clips with known truth for tests, from the
// embedded real webcam frame.
package cliptest

import (
	"path/filepath"
	"testing"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// Generated writes a clip of script at fps into the test's temporary folder
// and returns its path and the truth of every frame.
func Generated(t testing.TB, fps float64, script []clips.Segment, opts clips.Options) (string, []clips.Truth) {
	t.Helper()
	base, err := vision.FaceImagePath()
	if err != nil {
		t.Fatalf("the embedded face picture: %v", err)
	}
	path := filepath.Join(t.TempDir(), "clip.avi")
	truth, err := clips.Generate(path, base, fps, script, opts)
	if err != nil {
		t.Fatalf("generate clip: %v", err)
	}
	return path, truth
}
