package monitor

import (
	"context"
	"errors"
	"testing"
)

// half renders a pose in a 320×240 picture: the same view at half the size.
func half(o Observation) Observation {
	o.Width, o.Height = simW/2, simH/2
	for i := range o.Faces {
		f := &o.Faces[i]
		f.Box = Rect{f.Box.X / 2, f.Box.Y / 2, f.Box.W / 2, f.Box.H / 2}
		for j := range f.Landmarks {
			f.Landmarks[j] = Point{f.Landmarks[j].X / 2, f.Landmarks[j].Y / 2}
		}
	}
	sh := &o.Shoulders
	sh.Left, sh.Right = Point{sh.Left.X / 2, sh.Left.Y / 2}, Point{sh.Right.X / 2, sh.Right.Y / 2}
	return o
}

func TestAProfileFromAnotherResolutionOfTheSameViewIsScaled(t *testing.T) {
	b := calibrated(t) // 640×480
	var obs []Observation
	for _, o := range frames(0, segment{s(10), upright}, segment{s(30), leaning}) {
		obs = append(obs, half(o))
	}
	var ups []Update
	src := &replay{obs: obs}
	_, err := Watch{Baseline: &b, Settings: DefaultSettings()}.Run(context.Background(), src, func(u Update) { ups = append(ups, u) })
	if err != nil {
		t.Fatal(err)
	}
	if src.focused == nil || src.focused.H != 70 {
		t.Errorf("the detector's focus was not scaled to the picture: %+v", src.focused)
	}
	if ups[5].Posture != Upright || ups[40].State != Slouched || alerts(ups) != 1 {
		t.Errorf("at half the resolution: %s at 2.5 s, %s at 20 s, %d alerts; want upright, slouched, 1", ups[5].Posture, ups[40].State, alerts(ups))
	}
}

func TestAProfileFromAPictureOfAnotherShapeIsRefused(t *testing.T) {
	b := calibrated(t) // 4:3
	obs := frames(0, segment{s(2), upright})
	for i := range obs {
		obs[i].Width, obs[i].Height = 1280, 720 // 16:9
	}
	_, err := Watch{Baseline: &b, Settings: DefaultSettings()}.Run(context.Background(), &replay{obs: obs}, func(Update) {})
	if !errors.Is(err, ErrOtherPicture) {
		t.Fatalf("got %v, want ErrOtherPicture", err)
	}
}
