package vision

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor"
)

// A real person held still: every labelled frame of webcam-session-a, shown
// for 60 s at 0.5, 1, 2 and 4 analysed frames a second through the real
// detector and segmentation (refreshed every 16th frame as by default), gets
// one verdict in every analysed frame, whatever the mask's age.
func TestARealStillFrameGetsOneVerdictAtEveryRate(t *testing.T) {
	upright, slouched := sessionFrames(t, "upright"), sessionFrames(t, "slouched")
	p, err := OpenImages(Config{Detector: DetectorBlazeFace, SegmentEvery: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var calib []monitor.Observation
	for i, path := range upright[:10] {
		o, err := p.ObserveFile(path, time.Duration(i)*500*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		calib = append(calib, o)
	}
	b, err := monitor.Calibrate(calib)
	if err != nil {
		t.Fatalf("calibrate on webcam-session-a: %v", err)
	}
	p.SetFocus(&b.Face)
	for _, path := range append(upright, slouched...) {
		for _, fps := range []float64{0.5, 1, 2, 4} {
			p.lastSil = nil // a new scene: its own first mask
			s := monitor.NewSession(b, monitor.DefaultSettings(), 0)
			step := time.Duration(float64(time.Second) / fps)
			var first monitor.Posture
			for i := 0; i < int(60*fps); i++ {
				o, err := p.ObserveFile(path, time.Duration(i)*step)
				if err != nil {
					t.Fatal(err)
				}
				u := s.Step(o)
				if i == 0 {
					first = u.Posture
				} else if u.Posture != first {
					t.Fatalf("%s held still at %.1f fps: frame %d (mask %.0f s old) is %s, the first was %s",
						filepath.Base(filepath.Dir(path))+"/"+filepath.Base(path), fps, i, o.SilhouetteAge.Seconds(), u.Posture, first)
				}
			}
		}
	}
}
