package vision

import (
	"os"
	"testing"
)

// The demo's picture comes from inside the binary: with no Go toolchain on
// PATH, no module cache and an empty home it is still there, and a damaged
// copy left in the temporary folder is replaced.
func TestTheFacePictureNeedsNoToolchainAndNoHome(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("TMPDIR", t.TempDir())
	path, err := FaceImagePath()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("half a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := FaceImagePath()
	if err != nil || again != path {
		t.Fatalf("second call: %q, %v", again, err)
	}
	p, err := OpenImages(Config{Detector: DetectorBlazeFace})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	obs, err := p.ObserveFile(path, 0)
	if err != nil || len(obs.Faces) != 1 {
		t.Fatalf("the picture shows %d faces (%v), want the one upright face", len(obs.Faces), err)
	}
}
