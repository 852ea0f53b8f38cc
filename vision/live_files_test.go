package vision

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// asCamera makes a file source behave as a camera: the end of the file is
// the camera vanishing, and a file that cannot be opened is no camera.
type asCamera struct{ *fileSource }

func (c asCamera) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	at, err := c.fileSource.next(ctx, dst)
	if errors.Is(err, io.EOF) {
		return 0, fmt.Errorf("read %s: %w", c.meta.Name, ErrCameraLost)
	}
	return at, err
}

func fileCamera(path string) func() (frameSource, error) {
	return func() (frameSource, error) {
		f, err := openFile(path, 0, false)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNoCamera, err)
		}
		return asCamera{f}, nil
	}
}

// writeSequence writes n small frames of face.jpg, each a little different,
// as dir/frame%03d.jpg.
func writeSequence(t *testing.T, dir string, n int) string {
	t.Helper()
	img := readImage(t, faceJPG(t))
	defer img.Close()
	small := gocv.NewMat()
	defer small.Close()
	gocv.Resize(img, &small, image.Pt(160, 120), 0, 0, gocv.InterpolationArea)
	for i := 0; i < n; i++ {
		gocv.PutText(&small, fmt.Sprint(i), image.Pt(2, 10+i%100), gocv.FontHersheyPlain, 0.6, color.RGBA{255, 255, 255, 0}, 1)
		if !gocv.IMWrite(filepath.Join(dir, fmt.Sprintf("frame%03d.jpg", i)), small) {
			t.Fatal("cannot write a frame")
		}
	}
	return filepath.Join(dir, "frame%03d.jpg")
}

func TestAnImageSequenceCameraWhoseFilesVanishIsReconnectedWhenTheyReturn(t *testing.T) {
	dir := t.TempDir()
	pattern := writeSequence(t, dir, 12)
	hidden := t.TempDir()
	var states []CameraState
	s := newLiveSource("camera 0", fileCamera(pattern), Config{Reconnect: true,
		OnCameraStatus: func(st CameraStatus) { states = append(states, st.State) }})
	defer s.Close()
	waits := 0
	s.sleep = func(ctx context.Context, d time.Duration) error {
		if waits++; waits == 2 { // the camera comes back during the second wait
			for i := 0; i < 12; i++ {
				name := fmt.Sprintf("frame%03d.jpg", i)
				if err := os.Rename(filepath.Join(hidden, name), filepath.Join(dir, name)); err != nil {
					return err
				}
			}
		}
		return ctx.Err()
	}
	dst := gocv.NewMat()
	defer dst.Close()
	for i := 0; i < 15; i++ { // 5 frames, the unplug, 10 after it
		if i == 5 { // unplugged: every file goes
			for j := 0; j < 12; j++ {
				name := fmt.Sprintf("frame%03d.jpg", j)
				if err := os.Rename(filepath.Join(dir, name), filepath.Join(hidden, name)); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := s.next(context.Background(), &dst); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if dst.Cols() != 160 {
			t.Fatalf("frame %d is %dx%d", i, dst.Cols(), dst.Rows())
		}
	}
	if fmt.Sprint(states) != "[watching lost watching]" {
		t.Errorf("states %v, want watching, lost, watching", states)
	}
}

func TestBlackFramesFromACameraReadAsCoveredNotAway(t *testing.T) {
	img := readImage(t, faceJPG(t))
	defer img.Close()
	black := gocv.NewMatWithSize(img.Rows(), img.Cols(), gocv.MatTypeCV8UC3)
	defer black.Close()
	clip := filepath.Join(t.TempDir(), "covered.avi")
	vw, err := gocv.VideoWriterFile(clip, "MJPG", 10, img.Cols(), img.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 150; i++ { // 6 s of the user, 9 s of a covered lens
		if i < 60 {
			vw.Write(img)
		} else {
			vw.Write(black)
		}
	}
	vw.Close()

	p, err := Open(Config{Input: clip, FPS: 2, Detector: DetectorCascade})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var obs []monitor.Observation
	for {
		o, err := p.Observe(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		obs = append(obs, o)
	}
	b, err := monitor.Calibrate(obs[:10])
	if err != nil {
		t.Fatal(err)
	}
	sess := monitor.NewSession(b, monitor.DefaultSettings(), obs[9].At)
	var last monitor.Update
	for _, o := range obs[10:] {
		last = sess.Step(o)
	}
	if !last.CameraCovered || last.State == monitor.Away {
		t.Errorf("9 s of black frames: covered %v, state %s; want covered, not away (brightness %.1f, contrast %.1f)",
			last.CameraCovered, last.State, obs[len(obs)-1].Brightness, obs[len(obs)-1].Contrast)
	}
}

func TestTheRateOfAFileCanChangeBetweenFrames(t *testing.T) {
	clip := stillClip(t, 100, 10)
	p, err := Open(Config{Input: clip, FPS: 2, Detector: DetectorCascade})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got []time.Duration
	for i := 0; i < 9; i++ {
		switch i {
		case 3:
			p.SetRate(5)
		case 6:
			p.SetRate(0.5)
		}
		o, err := p.Observe(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, o.At)
	}
	want := []float64{0, 0.5, 1, 1.2, 1.4, 1.6, 3.6, 5.6, 7.6}
	for i, w := range want {
		if d := got[i] - time.Duration(w*float64(time.Second)); d > time.Millisecond || d < -time.Millisecond {
			t.Errorf("frame times %v, want %v seconds", got, want)
			break
		}
	}
	if p.Rate() != 0.5 {
		t.Errorf("rate %g, want 0.5", p.Rate())
	}
}
