package monitor

import (
	"testing"
	"time"
)

// sampled feeds updates to a sampler and returns the rate after each.
func sampled(p SamplingPolicy, ups []Update) []float64 {
	s := NewSampler(p)
	rates := make([]float64, len(ups))
	for i, u := range ups {
		rates[i] = s.Step(u)
	}
	return rates
}

// steadyUpdates is d of upright updates every half second from start.
func steadyUpdates(start, d time.Duration, u Update) []Update {
	var ups []Update
	for t := start; t < start+d; t += frameStep {
		u.At = t
		ups = append(ups, u)
	}
	return ups
}

func rateAt(ups []Update, rates []float64, at time.Duration) float64 {
	for i, u := range ups {
		if u.At >= at {
			return rates[i]
		}
	}
	return rates[len(rates)-1]
}

func TestSittingSteadilyUprightHalvesTheRateAfterThirtySeconds(t *testing.T) {
	p := DefaultSamplingPolicy()
	ups := steadyUpdates(0, s(60), Update{State: Upright, Posture: Upright, Score: 0.1})
	rates := sampled(p, ups)
	if r := rateAt(ups, rates, s(29)); r != 2 {
		t.Errorf("after 29 s upright: %g fps, want the default 2", r)
	}
	if r := rateAt(ups, rates, s(31)); r != 1 {
		t.Errorf("after 31 s upright: %g fps, want the steady 1", r)
	}
}

func TestAPostureChangeLooksCloselyForTenSeconds(t *testing.T) {
	p := DefaultSamplingPolicy()
	ups := steadyUpdates(0, s(40), Update{State: Upright, Posture: Upright, Score: 0.1})
	ups = append(ups, steadyUpdates(s(40), s(30), Update{State: Upright, Posture: Slouched, Score: 0.6})...)
	rates := sampled(p, ups)
	if r := rateAt(ups, rates, s(39)); r != 1 {
		t.Errorf("steady before the change: %g fps, want 1", r)
	}
	for _, at := range []time.Duration{s(40), s(45), s(49.5)} {
		if r := rateAt(ups, rates, at); r != 4 {
			t.Errorf("%v after the score crossed the line: %g fps, want the busy 4", at-s(40), r)
		}
	}
	if r := rateAt(ups, rates, s(51)); r != 2 {
		t.Errorf("11 s after the change: %g fps, want the default 2 (not steady: the posture changed)", r)
	}
}

func TestAScoreWanderingBelowTheLineIsNoChange(t *testing.T) {
	ups := steadyUpdates(0, s(40), Update{State: Upright, Posture: Upright})
	for i := range ups {
		ups[i].Score = 0.1 + 0.3*float64(i%2)
	}
	if r := sampled(DefaultSamplingPolicy(), ups); r[len(r)-1] != 1 {
		t.Errorf("scores 0.1..0.4 for 40 s: %g fps, want steady 1", r[len(r)-1])
	}
}

func TestAwayForAMinuteDropsToHalfAFrameASecondAndComingBackRestoresIt(t *testing.T) {
	p := DefaultSamplingPolicy()
	ups := steadyUpdates(0, s(10), Update{State: Upright, Posture: Upright})
	ups = append(ups, steadyUpdates(s(10), s(90), Update{State: Away, Posture: Away})...)
	ups = append(ups, steadyUpdates(s(100), s(5), Update{State: Upright, Posture: Upright})...)
	rates := sampled(p, ups)
	if r := rateAt(ups, rates, s(12)); r != 2 {
		t.Errorf("just gone: %g fps, want the default 2 (leaving needs no quick frames)", r)
	}
	if r := rateAt(ups, rates, s(71)); r != 0.5 {
		t.Errorf("away 61 s: %g fps, want 0.5", r)
	}
	if r := rateAt(ups, rates, s(100)); r != 2 {
		t.Errorf("back: %g fps, want the default 2 at once", r)
	}
}

func TestACoveredLensIsSampledLikeAnEmptyChair(t *testing.T) {
	ups := steadyUpdates(0, s(70), Update{State: Upright, Posture: Away, CameraCovered: true})
	if r := sampled(DefaultSamplingPolicy(), ups); r[len(r)-1] != 0.5 {
		t.Errorf("covered 70 s: %g fps, want 0.5", r[len(r)-1])
	}
}

func TestASamplingPolicyRefusesRatesThatAreNotPositive(t *testing.T) {
	p := DefaultSamplingPolicy()
	p.Away = 0
	if err := p.Validate(); err == nil {
		t.Error("an away rate of 0 was accepted")
	}
	if err := DefaultSamplingPolicy().Validate(); err != nil {
		t.Error(err)
	}
}

func TestTheSamplingKeepsToTheUsersChosenRate(t *testing.T) {
	p := SamplingPolicyAt(0.5)
	if p.Default != 0.5 || p.Steady > 0.5 || p.Away > 0.5 || p.Busy <= 0.5 {
		t.Errorf("at a chosen 0.5 frames a second: %+v; steady and away must not look more often than chosen", p)
	}
	if d := DefaultSamplingPolicy(); d.Default != DefaultRate || d.Steady != 1 || d.Away != 0.5 || d.Busy != 4 {
		t.Errorf("the default policy changed: %+v", d)
	}
}
