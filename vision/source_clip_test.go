package vision

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"gocv.io/x/gocv"
)

// changingClip writes n frames of the real webcam frame at fps, each a
// little brighter than the last, so that every frame can be told apart.
func changingClip(t *testing.T, n int, fps float64) string {
	t.Helper()
	img := readImage(t, faceJPG(t))
	defer img.Close()
	clip := filepath.Join(t.TempDir(), "changing.avi")
	vw, err := gocv.VideoWriterFile(clip, "MJPG", fps, img.Cols(), img.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	defer vw.Close()
	frame := gocv.NewMat()
	defer frame.Close()
	for i := 0; i < n; i++ {
		img.ConvertToWithParams(&frame, gocv.MatTypeCV8UC3, 1, float32(3*i))
		if err := vw.Write(frame); err != nil {
			t.Fatal(err)
		}
	}
	return clip
}

// readAll reads src to its end, changing its rate to newRate after
// changeAfter frames, and returns each frame's time and pixels.
func readAll(t *testing.T, src frameSource, changeAfter int, newRate float64) ([]time.Duration, [][]byte) {
	t.Helper()
	m := gocv.NewMat()
	defer m.Close()
	var times []time.Duration
	var pics [][]byte
	for {
		if len(times) == changeAfter {
			src.setRate(newRate)
		}
		at, err := src.next(context.Background(), &m)
		if errors.Is(err, io.EOF) {
			return times, pics
		}
		if err != nil {
			t.Fatal(err)
		}
		times, pics = append(times, at), append(pics, m.ToBytes())
	}
}

// TestAClipIsReadAsOpenCVReadItBefore: Hunch's own reading of a
// Motion-JPEG clip (openRecording) delivers the frames OpenCV's videoio
// delivered (openFile), at the same times and with the same pixels, the
// same header figures, at every frame, at a sampled rate and after the
// rate changes midway.
func TestAClipIsReadAsOpenCVReadItBefore(t *testing.T) {
	clip := changingClip(t, 40, 10)
	for _, c := range []struct {
		rate, newRate float64
		after         int
	}{{0, 0, -1}, {2, 2, -1}, {2, 3.5, 3}, {0, 1, 5}} {
		ours, err := openRecording(clip, c.rate, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := ours.(*clipSource); !ok {
			t.Fatalf("a Motion-JPEG clip was opened as a %T, not read by Hunch itself", ours)
		}
		theirs, err := openFile(clip, c.rate, false)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := ours.info(), theirs.info(); a.FPS != b.FPS || a.FrameCount != b.FrameCount || a.Duration != b.Duration {
			t.Errorf("header: ours %+v, OpenCV's %+v", a, b)
		}
		oursAt, oursPics := readAll(t, ours, c.after, c.newRate)
		theirAt, theirPics := readAll(t, theirs, c.after, c.newRate)
		ours.Close()
		theirs.Close()
		if len(oursAt) != len(theirAt) || len(oursAt) < 4 {
			t.Fatalf("rate %g then %g: %d frames read, OpenCV read %d", c.rate, c.newRate, len(oursAt), len(theirAt))
		}
		for i := range oursAt {
			if oursAt[i] != theirAt[i] || !bytes.Equal(oursPics[i], theirPics[i]) {
				t.Errorf("rate %g then %g, frame %d: at %v (OpenCV %v), same pixels %v", c.rate, c.newRate, i, oursAt[i], theirAt[i], bytes.Equal(oursPics[i], theirPics[i]))
			}
		}
	}
}

// TestWhatIsNotAMotionJPEGClipGoesToOpenCV: a file Hunch does not read
// itself is opened by OpenCV, and a missing one is said to be missing.
func TestWhatIsNotAMotionJPEGClipGoesToOpenCV(t *testing.T) {
	mp4 := filepath.Join(t.TempDir(), "clip.mp4")
	img := readImage(t, faceJPG(t))
	defer img.Close()
	vw, err := gocv.VideoWriterFile(mp4, "mp4v", 5, img.Cols(), img.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		vw.Write(img)
	}
	vw.Close()
	src, err := openRecording(mp4, 0, false)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, ok := src.(*fileSource); !ok {
		t.Errorf("an MP4 was opened as a %T, want OpenCV's file source", src)
	}
	if _, err := openRecording(filepath.Join(t.TempDir(), "none.avi"), 0, false); err == nil || !bytes.Contains([]byte(err.Error()), []byte("no such file")) {
		t.Errorf("a missing clip: %v, want it said to be missing", err)
	}
}
