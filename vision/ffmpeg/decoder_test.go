package ffmpeg_test

import (
	"bytes"
	"image"
	"path/filepath"
	"testing"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
	"github.com/hunch-posture/hunch/vision/ffmpeg"
	"github.com/hunch-posture/hunch/vision/mjpeg"
)

// sharedPeople are real webcam frames of other people, when ../shared is here.
const sharedPeople = "../../../shared/testdata/webcam-people-b/good"

// TestClipsDecodeToOpenCVsPixels: every frame of an MJPG clip, found by the
// Go reader and decoded here, is byte for byte the picture OpenCV's capture
// reads, for a clip generated from a real webcam frame (sensor noise, a
// lighting change, moves) and for one of another person's real frames
// scaled up with black bars. Anything else would move the judgement, which
// was fitted on OpenCV's pictures.
func TestClipsDecodeToOpenCVsPixels(t *testing.T) {
	dir := t.TempDir()
	face, err := vision.FaceImagePath()
	if err != nil {
		t.Fatal(err)
	}
	generated := filepath.Join(dir, "generated.avi")
	script := []clips.Segment{{Kind: clips.Upright, Seconds: 1}, {Kind: clips.Slumped, Seconds: 1}, {Kind: clips.Away, Seconds: 0.6}}
	if _, err := clips.Generate(generated, face, 5, script, clips.Options{Jitter: 1, Noise: 2, Lighting: 0.2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	sameAsOpenCV(t, generated, 13)

	people, _ := filepath.Glob(filepath.Join(sharedPeople, "*.jpg"))
	if len(people) < 6 {
		t.Logf("no frames of other people at %s: only the generated clip was checked", sharedPeople)
		return
	}
	pillarboxed := filepath.Join(dir, "people.avi")
	view := clips.View{Size: image.Pt(640, 480), Pillarbox: true}
	if err := clips.FromFrames(pillarboxed, people[:6], 10, view); err != nil {
		t.Fatal(err)
	}
	sameAsOpenCV(t, pillarboxed, 6)
}

// sameAsOpenCV checks that each of the clip's n frames decodes here to
// OpenCV's picture.
func sameAsOpenCV(t *testing.T, clip string, n int) {
	t.Helper()
	r, err := mjpeg.OpenAVI(clip)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d, err := ffmpeg.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	vc, err := gocv.VideoCaptureFileWithAPI(clip, gocv.VideoCaptureFFmpeg)
	if err != nil {
		t.Fatal(err)
	}
	defer vc.Close()
	if r.Len() != n {
		t.Fatalf("%s: %d frames, want %d", clip, r.Len(), n)
	}
	w, h := r.Size()
	pic, m := make([]byte, w*h*3), gocv.NewMat()
	defer m.Close()
	var jpeg []byte
	for i := 0; i < n; i++ {
		if jpeg, err = r.Frame(i, jpeg); err != nil {
			t.Fatal(err)
		}
		if err := d.DecodeBGR(pic, jpeg, w, h); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if !vc.Read(&m) {
			t.Fatalf("OpenCV could not read frame %d of %s", i, clip)
		}
		if theirs := m.ToBytes(); !bytes.Equal(pic, theirs) {
			t.Errorf("frame %d of %s: %d of %d bytes differ from OpenCV's", i, filepath.Base(clip), differing(pic, theirs), len(theirs))
		}
	}
}

// differing counts the bytes where a and b differ.
func differing(a, b []byte) int {
	n := 0
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			n++
		}
	}
	return n + max(0, len(b)-len(a))
}
