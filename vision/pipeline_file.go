//go:build !cameraonly

package vision

import (
	"fmt"
	"time"

	"github.com/hunch-posture/hunch/monitor"
	"gocv.io/x/gocv"
)

// Picture files are read by OpenCV's imgcodecs, which the camera-only build
// leaves out (see build.go).

// ObserveFile observes one picture file (JPEG, PNG), taken at the given time.
func (p *Pipeline) ObserveFile(path string, at time.Duration) (monitor.Observation, error) {
	m := gocv.IMRead(path, gocv.IMReadColor)
	defer m.Close()
	if m.Empty() {
		return monitor.Observation{}, fmt.Errorf("observe %s: not a picture OpenCV can read; check the path", path)
	}
	return p.observe(m, at)
}
