package vision

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// debugFrames writes each analysed frame, with what was seen drawn over it,
// to a folder the user named (--debug-frames): the only way a frame ever
// reaches the disk. Files are readable by the user alone.
type debugFrames struct {
	dir    string
	n      int
	canvas gocv.Mat
}

func newDebugFrames(dir string) (*debugFrames, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("debug frames folder %s: %w", dir, err)
	}
	return &debugFrames{dir: dir, canvas: gocv.NewMat()}, nil
}

// write saves img with the faces, landmarks and shoulder lines of obs.
func (d *debugFrames) write(img gocv.Mat, obs monitor.Observation) error {
	img.CopyTo(&d.canvas)
	green, amber, blue := color.RGBA{60, 200, 90, 0}, color.RGBA{255, 200, 40, 0}, color.RGBA{80, 140, 255, 0}
	for _, f := range obs.Faces {
		b := f.Box
		gocv.Rectangle(&d.canvas, image.Rect(int(b.X), int(b.Y), int(b.X+b.W), int(b.Y+b.H)), green, 2)
		if f.HasLandmarks {
			for _, p := range f.Landmarks {
				gocv.Circle(&d.canvas, image.Pt(int(p.X), int(p.Y)), 3, amber, -1)
			}
		}
	}
	line := func(s monitor.ShoulderLine, c color.RGBA) {
		if s.Found() {
			gocv.Line(&d.canvas, image.Pt(int(s.Left.X), int(s.Left.Y)), image.Pt(int(s.Right.X), int(s.Right.Y)), c, 2)
		}
	}
	line(obs.Shoulders, blue)
	if obs.Silhouette != nil {
		line(obs.Silhouette.Shoulders, green)
	}
	path := filepath.Join(d.dir, fmt.Sprintf("frame-%06d.jpg", d.n))
	d.n++
	// Go's encoder, not OpenCV's imgcodecs: nothing else Hunch does while
	// watching a camera needs that library (issue 12). The file appears
	// whole or not at all.
	pic, err := d.canvas.ToImage()
	if err == nil {
		err = monitor.WriteFileWhole(path, 0o600, func(w io.Writer) error {
			return jpeg.Encode(w, pic, &jpeg.Options{Quality: debugFrameQuality})
		})
	}
	if err != nil {
		return fmt.Errorf("debug frame %s: %w", path, err)
	}
	return nil
}

// debugFrameQuality is the debug frames' JPEG quality: a picture to look at
// what was seen, not to measure it again.
const debugFrameQuality = 90

func (d *debugFrames) Close() error { return d.canvas.Close() }
