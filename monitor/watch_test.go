package monitor

import (
	"context"
	"errors"
	"io"
	"testing"
)

// replay is an Observer over a recorded sequence.
type replay struct {
	obs     []Observation
	focused *Rect
}

func (r *replay) Observe(ctx context.Context) (Observation, error) {
	if err := ctx.Err(); err != nil {
		return Observation{}, err
	}
	if len(r.obs) == 0 {
		return Observation{}, io.EOF
	}
	o := r.obs[0]
	r.obs = r.obs[1:]
	return o, nil
}
func (r *replay) Close() error     { return nil }
func (r *replay) SetFocus(f *Rect) { r.focused = f }

func TestWatchCalibratesOnTheFirstSecondsThenJudges(t *testing.T) {
	src := &replay{obs: frames(0, segment{s(5), upright}, segment{s(40), leaning})}
	w := Watch{CalibrateFor: s(4), Settings: DefaultSettings()}
	var ups []Update
	sess, err := w.Run(context.Background(), src, func(u Update) { ups = append(ups, u) })
	if err != nil {
		t.Fatal(err)
	}
	if ups[0].Posture != Calibrating || ups[8].Posture != Calibrating || ups[9].Posture == Calibrating {
		t.Errorf("calibration should cover the first 4 s (frames 0..8): got %s, %s, %s", ups[0].Posture, ups[8].Posture, ups[9].Posture)
	}
	if src.focused == nil || src.focused.H != 140 {
		t.Errorf("the source was not focused on the calibrated face: %+v", src.focused)
	}
	if sess.Tally().Alerts != 1 || len(ups) != 90 {
		t.Errorf("alerts %d over %d updates, want 1 over 90", sess.Tally().Alerts, len(ups))
	}
}

func TestWatchSaysWhenCalibrationCannotWork(t *testing.T) {
	w := Watch{CalibrateFor: s(4), Settings: DefaultSettings()}
	_, err := w.Run(context.Background(), &replay{obs: frames(0, segment{s(10), empty})}, func(Update) {})
	if !errors.Is(err, ErrNoFace) {
		t.Errorf("empty input: got %v, want ErrNoFace", err)
	}
	_, err = w.Run(context.Background(), &replay{obs: frames(0, segment{s(2), upright})}, func(Update) {})
	if !errors.Is(err, ErrEndedEarly) {
		t.Errorf("input shorter than calibration: got %v, want ErrEndedEarly", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = w.Run(ctx, &replay{obs: frames(0, segment{s(10), upright})}, func(Update) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestAWatchWithASlouchSampleAlertsOnTheUsersOwnSubtleSlouch(t *testing.T) {
	subtle := pose{drop: 0.12, chin: 0.06, neck: 0.85}
	if j := judged(DefaultModel(), calibrated(t), subtle); j.Posture != Upright {
		t.Skipf("the shipped model already reads this subtle slouch as %s", j.Posture)
	}
	clip := func() *replay {
		return &replay{obs: frames(0, segment{s(5), upright}, segment{s(4), subtle}, segment{s(6), upright}, segment{s(40), subtle})}
	}
	count := func(w Watch) (ups []Update, n int) {
		sess, err := w.Run(context.Background(), clip(), func(u Update) { ups = append(ups, u) })
		if err != nil {
			t.Fatal(err)
		}
		return ups, sess.Tally().Alerts
	}
	if _, n := count(Watch{CalibrateFor: s(4.5), Settings: DefaultSettings()}); n != 0 {
		t.Fatalf("without the sample the subtle slouch alerted %d times; the test needs a slouch the model alone misses", n)
	}
	ups, n := count(Watch{CalibrateFor: s(4.5), SlouchSampleFor: s(3.5), Settings: DefaultSettings()})
	if n != 1 {
		t.Errorf("with the user's sample of it, the 40 s subtle slouch alerted %d times, want 1", n)
	}
	for _, u := range ups {
		if u.At >= s(5) && u.At < s(9) && u.Posture != Calibrating {
			t.Fatalf("at %v, within the sample, the frame was judged %s; the sample's frames are not judged", u.At, u.Posture)
		}
	}
}

func TestASlouchSampleCanBeTakenLaterInTheInput(t *testing.T) {
	subtle := pose{drop: 0.12, chin: 0.06, neck: 0.85}
	src := &replay{obs: frames(0, segment{s(5), upright}, segment{s(10), upright}, segment{s(4), subtle}, segment{s(10), upright})}
	w := Watch{CalibrateFor: s(4.5), SlouchSampleAt: s(15), SlouchSampleFor: s(3.5), Settings: DefaultSettings()}
	sess, err := w.Run(context.Background(), src, func(Update) {})
	if err != nil {
		t.Fatal(err)
	}
	got := sess.Baseline().SlouchSample
	if got == nil || got.HeadDrop < 0.1 || got.HeadDrop > 0.14 {
		t.Fatalf("the sample taken at 15 s: %+v, want the subtle slouch's drop of 0.12", got)
	}
}
