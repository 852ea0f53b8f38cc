//go:build !cameraonly

package app

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// demoScript is a newcomer's first minutes: sit well while Hunch
// calibrates, lean in until it alerts, sit back, slump, sit up again.
var demoScript = []clips.Segment{
	{Kind: clips.Upright, Seconds: 16},
	{Kind: clips.LeaningIn, Seconds: 20},
	{Kind: clips.Upright, Seconds: 8},
	{Kind: clips.Slumped, Seconds: 20},
	{Kind: clips.Upright, Seconds: 8},
}

// demoClip generates the demo clip once, from gocv's sample face, under dir.
func demoClip(dir string) (string, error) {
	path := filepath.Join(dir, "demo.avi")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	face, err := vision.FaceImagePath()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("demo clip: %w", err)
	}
	tmp := filepath.Join(dir, "demo-partial.avi")
	if _, err := clips.Generate(tmp, face, 10, demoScript, clips.Options{Jitter: 0.5, Noise: 2, Seed: 1}); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}
