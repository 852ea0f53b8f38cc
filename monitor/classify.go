package monitor

import (
	"fmt"
	"math"
)

// Sensitivity scales how far from the baseline counts as a slouch.
type Sensitivity string

// The sensitivities a user can choose.
const (
	Low    Sensitivity = "low"
	Medium Sensitivity = "medium"
	High   Sensitivity = "high"
)

// ParseSensitivity reads a sensitivity name.
func ParseSensitivity(s string) (Sensitivity, error) {
	switch Sensitivity(s) {
	case Low, Medium, High:
		return Sensitivity(s), nil
	}
	return "", fmt.Errorf("unknown sensitivity %q: use low, medium or high", s)
}

// scale is the factor applied to every threshold.
func (s Sensitivity) scale() float64 {
	switch s {
	case Low:
		return 1.35
	case High:
		return 0.75
	}
	return 1
}

// Thresholds are the feature values at which each kind of slouch is certain
// enough to call, at medium sensitivity.
type Thresholds struct {
	ForwardLean float64 // face this much larger
	HeadDrop    float64 // face centre this many face heights lower
	ChinDrop    float64
	NeckGap     float64 // neck gap shortened by this fraction
	HeadRoll    float64 // degrees
}

// DefaultThresholds are tuned on real recordings of people at desks.
var DefaultThresholds = Thresholds{ForwardLean: 0.2, HeadDrop: 0.4, ChinDrop: 0.25, NeckGap: 0.3, HeadRoll: 16}

// Judgement is one frame's classification.
type Judgement struct {
	Posture Posture
	Kind    SlouchKind
	// Score is how far towards a slouch, 0..1: 0.5 is the line between
	// upright and slouched.
	Score float64
}

// Classifier turns features into a Judgement for one user's baseline.
type Classifier struct {
	Thresholds  Thresholds
	Sensitivity Sensitivity
	Baseline    Baseline
}

// The neck gap (against calibration) tells how upright the body is: at
// bodyUpright or above it sits as calibrated, at bodySunk or below it has sunk
// or rounded; in between the evidence moves smoothly from one reading to the
// other, so that a small change of the gap never flips a verdict.
const (
	bodyUpright = 0.85
	bodySunk    = 0.7
)

// A smaller face that sank is read through the body's uprightness: with an
// upright body it is the camera's perspective on someone sitting farther back
// (perspectiveSitBack face heights of drop per unit of shrinking are
// forgiven); with a sunk body it is sliding down and back, which must not read
// as better (slideDownBack is added). These are the perspective factors the
// classifier has always used; see the README's figures.
const (
	perspectiveSitBack = 1.2
	slideDownBack      = 1.5
)

// bodyUprightness is 1 when the neck gap says the body is as upright as
// calibrated, 0 when it has sunk, in between linearly, and ok=false when no
// shoulder line was measured: no evidence either way.
func bodyUprightness(neckGap float64) (u float64, ok bool) {
	if neckGap <= 0 {
		return 0, false
	}
	return clamp((neckGap-bodySunk)/(bodyUpright-bodySunk), 0, 1), true
}

// evidence is each kind's distance towards a slouch: 1 is the threshold.
type evidence map[SlouchKind]float64

// Classify judges one frame. wasSlouched lowers the bar to stay slouched, so
// a posture near the line does not flicker.
func (c Classifier) Classify(ft Features, wasSlouched bool) Judgement {
	if !ft.FaceFound {
		return Judgement{Posture: Away}
	}
	ev := c.evidence(ft)
	kind, best := NoSlouch, 0.0
	for k, e := range ev {
		if e > best || (e == best && k < kind) {
			kind, best = k, e
		}
	}
	line := 1.0
	if wasSlouched {
		line = 0.85
	}
	j := Judgement{Posture: Upright, Score: clamp(best/2, 0, 1)}
	if best >= line {
		j.Posture, j.Kind = Slouched, kind
	}
	return j
}

// evidence weighs each kind of slouch; a user who moved a lot while upright
// gets proportionally wider margins.
func (c Classifier) evidence(ft Features) evidence {
	s := c.Sensitivity.scale()
	t := c.Thresholds
	lean := math.Max(t.ForwardLean, 3*c.Baseline.SizeSpread) * s
	drop := math.Max(t.HeadDrop, 3*c.Baseline.DropSpread) * s
	ev := evidence{}
	// Leaning in: the face grows; dropping at the same time adds to it, while
	// a face that rose (the chair moved closer, the back still straight)
	// takes from it.
	if ft.ForwardLean > 0 {
		ev[LeaningIn] = (ft.ForwardLean+0.5*math.Min(0, ft.HeadDrop))/lean + 0.5*math.Max(0, ft.HeadDrop)/drop
	}
	// Slumping: the face sinks; how a face that also shrank counts depends
	// on the body (see perspectiveSitBack), and without a shoulder line the
	// shrinking counts neither way.
	if ft.HeadDrop > 0 {
		back := math.Max(0, -ft.ForwardLean)
		k := 0.0
		if u, ok := bodyUprightness(ft.NeckGap); ok {
			k = slideDownBack*(1-u) - perspectiveSitBack*u
		}
		ev[Slumped] = (ft.HeadDrop + k*back) / drop
	}
	hunch := math.Max(0, ft.ChinDrop) / (t.ChinDrop * s)
	if ft.NeckGap > 0 {
		hunch = math.Max(hunch, (1-ft.NeckGap)/(t.NeckGap*s))
	}
	ev[Hunched] = hunch
	ev[Tilted] = math.Abs(ft.HeadRoll) / (t.HeadRoll * s)
	return ev
}
