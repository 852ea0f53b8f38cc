package monitor

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// Model is the fitted judgement: a logistic regression over a frame's
// inputs (see ModelInputs), whose weights `hunch fit` fits from labelled real
// frames, plus a second stage for users who gave a slouch sample.
type Model struct {
	// ProfileVersion is the profile format the weights were fitted for: the
	// features a profile's baseline yields.
	ProfileVersion int `json:"profile_version"`
	// Note says which frames the weights came from.
	Note    string    `json:"note"`
	Inputs  []string  `json:"inputs"`
	Weights []float64 `json:"weights"`
	Bias    float64   `json:"bias"`
	// Scale is each input's inverse spread over the fitted frames: the
	// metric in which a frame is compared with the user's slouch sample.
	Scale []float64 `json:"scale"`
	// Sample weighs the model's own evidence against the user's slouch sample.
	Sample SampleStage `json:"sample"`
}

// SampleStage combines the model's log-odds with how far a frame has gone
// from the user's upright baseline towards their own slouch sample.
type SampleStage struct {
	Model  float64 `json:"model"`  // weight of the model's log-odds
	Toward float64 `json:"toward"` // weight of the way towards the sample (0 upright, 1 as sampled)
	Bias   float64 `json:"bias"`
}

//go:embed model.json
var embeddedModel []byte

// DefaultModel is the judgement Hunch ships: the weights in model.json.
func DefaultModel() Model {
	m, err := ParseModel("the embedded model.json", embeddedModel)
	if err != nil {
		panic(err) // a build with broken weights must not ship; TestDefaultModelLoads catches it
	}
	return m
}

// ParseModel decodes and checks a model's bytes; name is used in errors.
func ParseModel(name string, data []byte) (Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return Model{}, fmt.Errorf("model %s is not a Hunch model (%v): refit it with 'make fit'", name, err)
	}
	if m.ProfileVersion != ProfileVersion || !slices.Equal(m.Inputs, ModelInputs) ||
		len(m.Weights) != len(ModelInputs) || len(m.Scale) != len(ModelInputs) {
		return Model{}, fmt.Errorf("model %s was fitted for another version of Hunch's features: refit it with 'make fit'", name)
	}
	return m, nil
}

// logOdds is the model's evidence for a slouch in one frame, and each
// input's share of it.
func (m Model) logOdds(x []float64) (z float64, shares []float64) {
	shares = make([]float64, len(x))
	z = m.Bias
	for i := range x {
		shares[i] = m.Weights[i] * x[i]
		z += shares[i]
	}
	return z, shares
}

// towardSample is how far inputs x have gone from upright (0) towards the
// sample's inputs s (1), measured along the sample's direction in the
// model's standardised metric, with each input's share of it. Only the
// departures that may count for a slouch (inputSign) make the direction: a
// sample that also sat up higher says nothing about slouching by rising.
func (m Model) towardSample(x, s []float64) (t float64, shares []float64) {
	norm := 0.0
	for i := range s {
		if inputSign[i] != 0 {
			norm += s[i] * s[i] * m.Scale[i] * m.Scale[i]
		}
	}
	shares = make([]float64, len(x))
	if norm == 0 {
		return 0, shares
	}
	for i := range x {
		if inputSign[i] != 0 {
			shares[i] = x[i] * s[i] * m.Scale[i] * m.Scale[i] / norm
			t += shares[i]
		}
	}
	return t, shares
}
