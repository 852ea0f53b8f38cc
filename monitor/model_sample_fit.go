package monitor

import (
	"math"
	"strings"
)

// FitJudgement fits the model (FitModel) and then its slouch-sample stage,
// from the people whose baselines carry a slouch sample. The stage weighs
// the model's log-odds for a person as fitted without that person, so that
// it learns how far to trust the model on someone it never saw, not on
// frames it was fitted to. Leave the sample frames themselves out of ex.
func FitJudgement(ex []Example, note string) (Model, error) {
	m, err := FitModel(ex, note)
	if err != nil {
		return Model{}, err
	}
	m.Sample = SampleStage{Model: 1}
	var ts, zs []float64
	var ys []bool
	var sampled []Example
	for _, p := range sampledPeople(ex) {
		without, err := FitModel(WithoutPerson(ex, p), note)
		if err != nil {
			continue // too few people left to fit without this one
		}
		for _, e := range ex {
			if e.Person != p || !e.Features.FaceFound || e.Baseline.SlouchSample == nil {
				continue
			}
			x := inputs(e.Features, e.Baseline)
			z, _ := without.logOdds(x)
			t, _ := without.towardSample(x, inputs(sampleFor(e.Features, *e.Baseline.SlouchSample), e.Baseline))
			ts, zs, ys, sampled = append(ts, t), append(zs, z), append(ys, e.Slouched), append(sampled, e)
		}
	}
	if len(ts) == 0 || !hasBothLabels(ys) {
		return m, nil
	}
	m.Sample = sampleStage(ts, zs, ys, exampleWeights(sampled))
	return m, nil
}

// sampleRidge keeps the sample's weight finite when the people fitted on
// happen to be told apart perfectly by it; it is small because one weight
// fitted on thousands of frames needs little holding back.
const sampleRidge = 1e-4

// sampleStage fits the weight k of the way towards the sample t, and the
// bias b that says where on that way a frame starts to count as a slouch,
// added to the model's log-odds z: p = sigmoid(z + k·t + b), by Newton's
// method. Both are fitted: where between upright (0) and one's own sample
// (1) people's slouches begin is learnt from the people with a sample, not
// set by hand. A fitted k below 0 would make nearness to one's own slouch
// count against a slouch; the stage then adds nothing.
func sampleStage(ts, zs []float64, ys []bool, ws []float64) SampleStage {
	k, b := 0.0, 0.0
	for iter := 0; iter < 100; iter++ {
		gk, gb := sampleRidge*k, 0.0
		// The bias is not held back, only kept from a singular step when no
		// frame weighs anything.
		hkk, hkb, hbb := sampleRidge, 0.0, 1e-9
		for i, t := range ts {
			p := sigmoid(zs[i] + k*t + b)
			y := 0.0
			if ys[i] {
				y = 1
			}
			gk += ws[i] * (p - y) * t
			gb += ws[i] * (p - y)
			v := ws[i] * p * (1 - p)
			hkk, hkb, hbb = hkk+v*t*t, hkb+v*t, hbb+v
		}
		det := hkk*hbb - hkb*hkb
		dk, db := (hbb*gk-hkb*gb)/det, (hkk*gb-hkb*gk)/det
		k, b = k-dk, b-db
		if math.Abs(dk) < 1e-10 && math.Abs(db) < 1e-10 {
			break
		}
	}
	if k <= 0 || math.IsNaN(k) || math.IsNaN(b) {
		return SampleStage{Model: 1}
	}
	return SampleStage{Model: 1, Toward: k, Bias: b}
}

// sampledPeople lists, in order of appearance, the people with a slouch sample.
func sampledPeople(ex []Example) []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range ex {
		if e.Baseline.SlouchSample != nil && !seen[e.Person] {
			seen[e.Person] = true
			out = append(out, e.Person)
		}
	}
	return out
}

// WithoutPerson is ex without the given person's frames, including those of
// clips generated from them ("person/…").
func WithoutPerson(ex []Example, person string) []Example {
	var out []Example
	for _, e := range ex {
		if e.Person != person && !strings.HasPrefix(e.Person, person+"/") {
			out = append(out, e)
		}
	}
	return out
}
