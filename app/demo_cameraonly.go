//go:build cameraonly

package app

import (
	"fmt"

	"github.com/hunch-posture/hunch/vision"
)

// demoClip: the demo clip is generated and read by OpenCV's imgcodecs and
// videoio, which this build leaves out; the whole build plays it.
func demoClip(string) (string, error) {
	return "", fmt.Errorf("the demo clip: %w", vision.ErrNotInThisBuild)
}
