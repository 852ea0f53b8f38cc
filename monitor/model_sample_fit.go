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

// sampleMidway is where, on the way from upright (0) to the user's own
// slouch sample (1), the sample's evidence changes sign: a frame nearer the
// sample than the upright baseline counts towards a slouch.
const sampleMidway = 0.5

// sampleRidge keeps the sample's weight finite when the people fitted on
// happen to be told apart perfectly by it; it is small because one weight
// fitted on thousands of frames needs little holding back.
const sampleRidge = 1e-4

// sampleStage fits the one weight k of the way towards the sample t, added
// to the model's log-odds z: p = sigmoid(z + k·(t-midway)), by Newton's
// method, kept at or above 0 (nearness to one's own slouch never counts
// against a slouch).
func sampleStage(ts, zs []float64, ys []bool, ws []float64) SampleStage {
	k := 0.0
	for iter := 0; iter < 100; iter++ {
		g, h := sampleRidge*k, sampleRidge
		for i, t := range ts {
			x := t - sampleMidway
			p := sigmoid(zs[i] + k*x)
			y := 0.0
			if ys[i] {
				y = 1
			}
			g += ws[i] * (p - y) * x
			h += ws[i] * p * (1 - p) * x * x
		}
		step := g / h
		k -= step
		if math.Abs(step) < 1e-10 {
			break
		}
	}
	k = math.Max(0, k)
	return SampleStage{Model: 1, Toward: k, Bias: -k * sampleMidway}
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
