package v4l2

import "fmt"

// The picture a probe asks for: what Hunch watches with, so that a camera
// the probe passes is one the app can use.
const (
	probeWidth  = 640
	probeHeight = 480
	probeRate   = 5
)

// Probe opens the camera at path, waits for one picture and closes it, and
// says what the camera gave ("640×480 YUYV"). It is how 'hunch doctor'
// tells a camera that works from one that is busy, asleep or not a camera,
// without loading OpenCV.
func Probe(path string) (string, error) {
	c, err := Open(path, probeWidth, probeHeight, probeRate)
	if err != nil {
		return "", err
	}
	_, err = c.Read(nil)
	if cerr := c.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d×%d %s", c.width, c.height, fourccName(c.pixel)), nil
}
