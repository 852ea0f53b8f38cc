package vision_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// tenSecondClip writes a 10 s, 10 fps upright clip from gocv's face.jpg.
func tenSecondClip(t *testing.T) string {
	t.Helper()
	base, err := vision.FaceImagePath()
	if err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "upright.avi")
	truth, err := clips.Generate(out, base, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 10}}, clips.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(truth) != 100 {
		t.Fatalf("truth for %d frames, want 100", len(truth))
	}
	return out
}

func TestAFileSampledAtTwoFramesASecondGivesInputTimestamps(t *testing.T) {
	clip := tenSecondClip(t)
	p, err := vision.Open(vision.Config{Input: clip, FPS: 2, Detector: vision.DetectorBlazeFace})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	info := p.Info()
	if info.FrameCount != 100 || info.FPS != 10 || info.Duration != 10*time.Second {
		t.Errorf("info %+v, want 100 frames at 10 fps, 10 s", info)
	}
	var got []time.Duration
	for {
		obs, err := p.Observe(context.Background())
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(obs.Faces) != 1 {
			t.Errorf("at %v: %d faces, want 1", obs.At, len(obs.Faces))
		}
		got = append(got, obs.At)
	}
	if len(got) != 20 {
		t.Fatalf("%d analysed frames, want 20: %v", len(got), got)
	}
	for i, at := range got {
		if want := time.Duration(i) * 500 * time.Millisecond; at != want {
			t.Errorf("frame %d at %v, want %v", i, at, want)
		}
	}
	if tm := p.Timing(); tm.Frames != 20 || tm.MedianMS <= 0 {
		t.Errorf("timing %+v", tm)
	}
}

func TestEveryFrameAndRealtimePacing(t *testing.T) {
	clip := tenSecondClip(t)
	p, err := vision.Open(vision.Config{Input: clip, FPS: 0, Detector: vision.DetectorCascade})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for ; ; n++ {
		if _, err := p.Observe(context.Background()); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
	}
	p.Close()
	if n != 100 {
		t.Errorf("fps 0 analysed %d frames, want all 100", n)
	}

	p, err = vision.Open(vision.Config{Input: clip, FPS: 5, Realtime: true, Detector: vision.DetectorCascade})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	for i := 0; i < 6; i++ {
		if _, err := p.Observe(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el < 900*time.Millisecond || el > 2*time.Second {
		t.Errorf("6 frames at 5 fps in realtime took %v, want about 1 s", el)
	}
}

func TestBadInputsGiveOneLineErrorsNamingTheSource(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a video\n"), 0o644)
	for _, c := range []struct {
		name string
		cfg  vision.Config
		want []string
	}{
		{"missing file", vision.Config{Input: filepath.Join(dir, "nope.avi")}, []string{"nope.avi", "no such file"}},
		{"not a video", vision.Config{Input: text}, []string{"notes.txt", "video"}},
		{"missing camera", vision.Config{Camera: 7}, []string{"camera 7", "no camera found", "--input"}},
		{"unknown detector", vision.Config{Input: tenSecondClip(t), Detector: "yolo"}, []string{"yolo", "blazeface or cascade"}},
	} {
		p, err := vision.Open(c.cfg)
		if err == nil {
			// Some readers open anything and fail on the first frame.
			_, err = p.Observe(context.Background())
			p.Close()
		}
		if err == nil || errors.Is(err, io.EOF) {
			t.Errorf("%s: error %v, want a clear error", c.name, err)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") {
			t.Errorf("%s: error spans lines: %q", c.name, msg)
		}
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: error %q does not say %q", c.name, msg, w)
			}
		}
	}
}
