package clips

import (
	"path/filepath"
	"testing"

	"github.com/hunch-posture/hunch/vision"
)

func TestAScriptOfEveryKindHasTheTruthOfEachSegment(t *testing.T) {
	base, err := vision.FaceImagePath()
	if err != nil {
		t.Skip(err)
	}
	script := []Segment{{Upright, 2}, {LeaningIn, 2}, {Slumped, 2}, {Hunched, 2}, {Glance, 3}, {TurnAside, 2}, {Away, 2}, {SecondFace, 2}}
	out := filepath.Join(t.TempDir(), "all.avi")
	truth, err := Generate(out, base, 2, script, Options{Jitter: 2, Noise: 3, Lighting: 0.2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(truth) != 34 {
		t.Fatalf("%d frames of truth, want 34", len(truth))
	}
	want := map[string]string{Upright: PostureUpright, LeaningIn: PostureSlouched, Slumped: PostureSlouched, Hunched: PostureSlouched,
		Glance: PostureUpright, TurnAside: PostureUpright, Away: PostureAway, SecondFace: PostureUpright}
	for _, tr := range truth {
		if want[tr.Kind] != tr.Posture {
			t.Errorf("at %v: %s is %s, want %s", tr.At, tr.Kind, tr.Posture, want[tr.Kind])
		}
	}
	p, err := vision.OpenImages(vision.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	src, err := vision.Open(vision.Config{Input: out, FPS: 0})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if n := src.Info().FrameCount; n != 34 {
		t.Errorf("clip has %d frames, want 34", n)
	}
}
