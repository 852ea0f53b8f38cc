package vision_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/hunch-posture/hunch/vision"
)

func TestAnImageSequencePatternIsAFrameSource(t *testing.T) {
	base, err := vision.FaceImagePath()
	if err != nil {
		t.Skip(err)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := 0; i < 6; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%04d.jpg", i)), data, 0o644)
	}
	p, err := vision.Open(vision.Config{Input: filepath.Join(dir, "%04d.jpg"), FPS: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	n := 0
	for {
		obs, err := p.Observe(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(obs.Faces) != 1 {
			t.Errorf("frame %d: %d faces", n, len(obs.Faces))
		}
		n++
	}
	if n != 6 {
		t.Errorf("read %d frames of the sequence, want 6", n)
	}
}
