package mjpeg

import (
	"bytes"
	"errors"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"gocv.io/x/gocv"
)

// realFrames are BGR pictures of a real webcam's first n frames.
func realFrames(t *testing.T, n int) (frames [][]byte, width, height int) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedSessionA, "*.jpg"))
	if len(paths) < n {
		t.Skipf("fewer than %d frames in %s (../shared is not here)", n, sharedSessionA)
	}
	for _, p := range paths[:n] {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		width, height = cfg.Width, cfg.Height
		bgr, err := decode(b, width, height)
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, bgr)
	}
	return frames, width, height
}

// meanDiff is the mean absolute difference of two pictures' bytes.
func meanDiff(a, b []byte) float64 {
	if len(a) != len(b) {
		return 255
	}
	sum := 0
	for i := range a {
		d := int(a[i]) - int(b[i])
		if d < 0 {
			d = -d
		}
		sum += d
	}
	return float64(sum) / float64(len(a))
}

// TestAClipWrittenIsReadBackFrameByFrame: real frames written as an AVI
// read back in any order, each the picture written (within JPEG's loss)
// and not another frame of the clip.
func TestAClipWrittenIsReadBackFrameByFrame(t *testing.T) {
	frames, w, h := realFrames(t, 6)
	path := filepath.Join(t.TempDir(), "clip.avi")
	wr, err := CreateAVI(path, w, h, 5, 90)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		if err := wr.WriteBGR(f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the clip is at its path before Close")
	}
	if err := wr.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := OpenAVI(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if gw, gh := r.Size(); r.Len() != len(frames) || r.FPS() != 5 || gw != w || gh != h {
		t.Fatalf("read %d frames of %d×%d at %g fps, wrote %d of %d×%d at 5", r.Len(), gw, gh, r.FPS(), len(frames), w, h)
	}
	var buf []byte
	pic := make([]byte, w*h*3)
	for _, i := range []int{5, 0, 3, 3, 1} {
		if buf, err = r.Frame(i, buf); err != nil {
			t.Fatal(err)
		}
		if err := DecodeBGR(pic, buf, w, h); err != nil {
			t.Fatal(err)
		}
		own, other := meanDiff(pic, frames[i]), meanDiff(pic, frames[(i+1)%len(frames)])
		if own > 3 || other < own {
			t.Errorf("frame %d differs from the one written by %.2f a byte (from the next by %.2f)", i, own, other)
		}
	}
	if _, err := r.Frame(6, buf); err == nil {
		t.Error("a frame past the end was read")
	}
}

// TestOpenCVAndThisPackageReadEachOthersClips: OpenCV reads the clips
// written here as the same frames, and the clips OpenCV writes are read
// here as OpenCV reads them.
func TestOpenCVAndThisPackageReadEachOthersClips(t *testing.T) {
	frames, w, h := realFrames(t, 4)
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "ours.avi"), filepath.Join(dir, "theirs.avi")
	wr, err := CreateAVI(ours, w, h, 5, 90)
	if err != nil {
		t.Fatal(err)
	}
	vw, err := gocv.VideoWriterFile(theirs, "MJPG", 5, w, h, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		m, err := gocv.NewMatFromBytes(h, w, gocv.MatTypeCV8UC3, f)
		if err != nil {
			t.Fatal(err)
		}
		werr := vw.Write(m)
		m.Close()
		if werr != nil {
			t.Fatal(werr)
		}
		if err := wr.WriteBGR(f); err != nil {
			t.Fatal(err)
		}
	}
	vw.Close()
	if err := wr.Close(); err != nil {
		t.Fatal(err)
	}

	// OpenCV on ours.
	vc, err := gocv.VideoCaptureFile(ours)
	if err != nil {
		t.Fatal(err)
	}
	defer vc.Close()
	if n, fps := vc.Get(gocv.VideoCaptureFrameCount), vc.Get(gocv.VideoCaptureFPS); int(n) != len(frames) || fps != 5 {
		t.Errorf("OpenCV reads %g frames at %g fps in our clip, want %d at 5", n, fps, len(frames))
	}
	m := gocv.NewMat()
	defer m.Close()
	for i := range frames {
		if !vc.Read(&m) || m.Cols() != w || m.Rows() != h {
			t.Fatalf("OpenCV could not read frame %d of our clip", i)
		}
		if d := meanDiff(m.ToBytes(), frames[i]); d > 3 {
			t.Errorf("OpenCV reads our frame %d %.2f a byte off", i, d)
		}
	}

	// Ours on OpenCV's, against OpenCV's own reading of it.
	r, err := OpenAVI(theirs)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	back, err := gocv.VideoCaptureFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if r.Len() != len(frames) || r.FPS() != 5 {
		t.Fatalf("OpenCV's clip: %d frames at %g fps, want %d at 5", r.Len(), r.FPS(), len(frames))
	}
	pic := make([]byte, w*h*3)
	var buf []byte
	for i := range frames {
		if buf, err = r.Frame(i, buf); err != nil {
			t.Fatal(err)
		}
		if err := DecodeBGR(pic, buf, w, h); err != nil {
			t.Fatal(err)
		}
		if !back.Read(&m) {
			t.Fatalf("OpenCV could not read its own frame %d", i)
		}
		if d := meanDiff(pic, m.ToBytes()); d > 2 {
			t.Errorf("OpenCV's frame %d reads %.2f a byte away from OpenCV's reading", i, d)
		}
	}
}

func TestWhatIsNotAMotionJPEGClipIsSaidSo(t *testing.T) {
	frames, w, h := realFrames(t, 1)
	dir := t.TempDir()
	jpg := filepath.Join(dir, "frame.jpg")
	if err := os.WriteFile(jpg, []byte("\xff\xd8\xff\xe0 not a clip"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenAVI(jpg); !errors.Is(err, ErrNotMJPEG) {
		t.Errorf("a JPEG picture: %v, want ErrNotMJPEG", err)
	}
	clip := filepath.Join(dir, "xvid.avi")
	wr, err := CreateAVI(clip, w, h, 5, 90)
	if err != nil {
		t.Fatal(err)
	}
	wr.WriteBGR(frames[0])
	if err := wr.Close(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(clip)
	i := bytes.Index(b, []byte("strf"))
	copy(b[i+8+16:], "XVID")
	os.WriteFile(clip, b, 0o600)
	if _, err := OpenAVI(clip); !errors.Is(err, ErrNotMJPEG) {
		t.Errorf("an XVID clip: %v, want ErrNotMJPEG", err)
	}
	if _, err := CreateAVI(filepath.Join(dir, "no", "such", "clip.avi"), w, h, 5, 90); err == nil {
		t.Error("a clip was started in a folder that does not exist")
	}
}
