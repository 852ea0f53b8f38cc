//go:build !front

package main

import (
	"fmt"
	"io"

	"github.com/hunch-posture/hunch/vision"
)

// modelsLoadHere: hunch-camera and hunch-watch have OpenCV loaded anyway,
// so their doctor always loads the detectors too.
const modelsLoadHere = true

// doctorOpenCV says which OpenCV this process runs on.
func doctorOpenCV() (string, error) { return vision.OpenCVVersion(), nil }

// doctorModels loads each embedded detector into OpenCV.
func doctorModels(_ io.Writer, check doctorCheck) {
	check("face detector", func() (string, error) { return doctorDetector(vision.DetectorBlazeFace) })
	check("cascade", func() (string, error) { return doctorDetector(vision.DetectorCascade) })
}

func doctorDetector(name string) (string, error) {
	p, err := vision.OpenImages(vision.Config{Detector: name, SegmentEvery: 1})
	if err != nil {
		return "", err
	}
	defer p.Close()
	if p.DetectorName != name {
		return "", fmt.Errorf("%s could not load; using %s instead", name, p.DetectorName)
	}
	return name + " and person segmentation loaded (embedded)", nil
}
