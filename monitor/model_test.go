package monitor

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// simExamples are labelled frames of a synthetic person: upright with small
// natural movement, and slouched as given.
func simExamples(t *testing.T, person string, slouches ...pose) []Example {
	t.Helper()
	b := calibrated(t)
	var ex []Example
	add := func(p pose, bad bool) {
		o := p.observe(0)
		ex = append(ex, Example{Person: person, Features: Measure(o, &o.Faces[0], b), Baseline: b, Slouched: bad})
	}
	for i := 0; i < 30; i++ {
		add(pose{lean: 0.02 * float64(i%5-2), drop: 0.03 * float64(i%7-3), shift: 0.05 * float64(i%3-1), roll: float64(i%5 - 2)}, false)
	}
	for i, p := range slouches {
		for k := 0; k < 10; k++ {
			q := p
			q.shift += 0.02 * float64((i+k)%3-1)
			add(q, true)
		}
	}
	return ex
}

func judged(m Model, b Baseline, p pose) Judgement {
	o := p.observe(0)
	return Classifier{Model: m, Sensitivity: Medium, Baseline: b}.Classify(Measure(o, &o.Faces[0], b), false)
}

func TestFittingLearnsWhatItIsShownAndIsDeterministic(t *testing.T) {
	ex := append(simExamples(t, "a", pose{lean: 0.3}, pose{drop: 0.6}), simExamples(t, "b", pose{lean: 0.35}, pose{drop: 0.5, chin: 0.2})...)
	m1, err := FitModel(ex, "test")
	if err != nil {
		t.Fatal(err)
	}
	m2, _ := FitModel(ex, "test")
	j1, _ := json.Marshal(m1)
	j2, _ := json.Marshal(m2)
	if string(j1) != string(j2) {
		t.Fatalf("two fits of the same frames differ:\n%s\n%s", j1, j2)
	}
	b := calibrated(t)
	for name, want := range map[string]struct {
		p    pose
		want Posture
	}{
		"leaning in, between the two shown": {pose{lean: 0.33}, Slouched},
		"sunk, between the two shown":       {pose{drop: 0.55}, Slouched},
		"as calibrated":                     {pose{}, Upright},
		"a little closer":                   {pose{lean: 0.04}, Upright},
	} {
		if got := judged(m1, b, want.p); got.Posture != want.want {
			t.Errorf("%s: %s (score %.2f), want %s", name, got.Posture, got.Score, want.want)
		}
	}
}

func TestEveryPersonWeighsTheSameHoweverManyFramesTheyGave(t *testing.T) {
	a := simExamples(t, "a", pose{lean: 0.3})
	b := simExamples(t, "b", pose{drop: 0.6})
	once, err := FitModel(append(append([]Example(nil), a...), b...), "once")
	if err != nil {
		t.Fatal(err)
	}
	many := append([]Example(nil), b...)
	for i := 0; i < 10; i++ {
		many = append(many, a...)
	}
	tenfold, err := FitModel(many, "tenfold")
	if err != nil {
		t.Fatal(err)
	}
	for i := range once.Weights {
		if math.Abs(once.Weights[i]-tenfold.Weights[i]) > 1e-6 {
			t.Fatalf("%s: weight %.4f with a's frames once, %.4f with them ten times", ModelInputs[i], once.Weights[i], tenfold.Weights[i])
		}
	}
}

func TestAnInputThatPointsAwayFromSlouchingGetsNoWeight(t *testing.T) {
	// Every slouch here came with the face higher than calibrated (a quirk of
	// these frames): rising must still not count for a slouch.
	ex := append(simExamples(t, "a", pose{lean: 0.3, drop: -0.4}), simExamples(t, "b", pose{lean: 0.35, drop: -0.5})...)
	m, err := FitModel(ex, "test")
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range ModelInputs {
		if (inputSign[i] == 0 && m.Weights[i] != 0) || (inputSign[i] == 1 && m.Weights[i] < 0) {
			t.Errorf("%s: weight %.3f against its allowed sign %d", name, m.Weights[i], inputSign[i])
		}
	}
	if j := judged(m, calibrated(t), pose{drop: -1.2, lean: -0.1}); j.Posture != Upright {
		t.Errorf("standing up (face higher) read %s: rising was learnt as slouching", j.Posture)
	}
}

func TestTheUsersOwnSlouchSampleCatchesTheirSubtleSlouch(t *testing.T) {
	b := calibrated(t)
	m := DefaultModel()
	subtle := pose{drop: 0.12, chin: 0.06, neck: 0.85}
	if j := judged(m, b, subtle); j.Posture != Upright {
		t.Skipf("the shipped model already reads this subtle slouch as %s; nothing for the sample to add", j.Posture)
	}
	o := subtle.observe(0)
	sample := Measure(o, &o.Faces[0], b)
	b.SlouchSample = &sample
	if j := judged(m, b, subtle); j.Posture != Slouched {
		t.Errorf("the user's own sampled slouch read %s (score %.2f), want slouched", j.Posture, j.Score)
	}
	if j := judged(m, b, pose{drop: 0.01}); j.Posture != Upright {
		t.Errorf("upright with a slouch sample read %s (score %.2f)", j.Posture, j.Score)
	}
}

// A frame whose shoulders were not seen is compared with the sample along
// what it shows: with the chin as far down as in the sample it is the
// sample's slouch, while a frame that shows the neck as calibrated with the
// same chin is only half way there.
func TestAFrameWithoutShouldersIsComparedWithTheSampleAlongWhatItShows(t *testing.T) {
	n := len(ModelInputs)
	m := Model{Inputs: ModelInputs, Weights: make([]float64, n), Scale: make([]float64, n),
		Sample: SampleStage{Model: 1, Toward: 10, Bias: -6}}
	for i := range m.Scale {
		m.Scale[i] = 1
	}
	sample := Features{FaceFound: true, ChinDrop: 0.5, NeckGap: 0.5}
	c := Classifier{Model: m, Sensitivity: Medium, Baseline: Baseline{SlouchSample: &sample}}
	if j := c.Classify(Features{FaceFound: true, ChinDrop: 0.5}, false); j.Posture != Slouched {
		t.Errorf("the sampled chin with no shoulder line read %s (score %.2f), want slouched", j.Posture, j.Score)
	}
	if j := c.Classify(Features{FaceFound: true, ChinDrop: 0.5, NeckGap: 1}, false); j.Posture != Upright {
		t.Errorf("the sampled chin with the neck as calibrated read %s (score %.2f), want upright", j.Posture, j.Score)
	}
}

func TestTheSampleStageIsFittedOnPeopleTheModelDidNotSee(t *testing.T) {
	var ex []Example
	for _, person := range []string{"a", "b", "c"} {
		e := simExamples(t, person, pose{lean: 0.3}, pose{drop: 0.5, chin: 0.1})
		sample := e[len(e)-1].Features
		for i := range e {
			e[i].Baseline.SlouchSample = &sample
		}
		ex = append(ex, e...)
	}
	m, err := FitJudgement(ex, "test")
	if err != nil {
		t.Fatal(err)
	}
	if s := m.Sample; s.Model != 1 || s.Toward <= 0 || s.Bias >= 0 || s.Toward+s.Bias <= 0 {
		t.Errorf("sample stage %+v: want the model's log-odds as they are, a positive weight on the way to the sample, pushing upright at the baseline and slouched at the sample", m.Sample)
	}
}

// Where on the way to the sample slouches begin is fitted, not fixed: with
// the model's own evidence neutral, the stage's line lands where the labels
// change, at 0.3 or at 0.7 of the way.
func TestTheSampleStageLearnsWhereSlouchesBegin(t *testing.T) {
	for _, begin := range []float64{0.3, 0.7} {
		var ts, zs, ws []float64
		var ys []bool
		for i := 0; i <= 100; i++ {
			x := float64(i) / 100
			ts, zs, ws, ys = append(ts, x), append(zs, 0), append(ws, 0.01), append(ys, x > begin)
		}
		s := sampleStage(ts, zs, ys, ws)
		if line := -s.Bias / s.Toward; s.Toward <= 0 || math.Abs(line-begin) > 0.02 {
			t.Errorf("slouches from %.1f of the way: stage %+v puts the line at %.2f", begin, s, line)
		}
	}
}

func TestModelFilesAreChecked(t *testing.T) {
	m := DefaultModel()
	if m.ProfileVersion != ProfileVersion || !strings.Contains(m.Note, "hunch fit") {
		t.Errorf("embedded model: profile version %d (want %d), note %q", m.ProfileVersion, ProfileVersion, m.Note)
	}
	if _, err := ParseModel("x.json", []byte("{")); err == nil || !strings.Contains(err.Error(), "make fit") {
		t.Errorf("broken JSON: %v, want an error that says to refit", err)
	}
	old := m
	old.Inputs = append([]string{"face_size"}, m.Inputs[1:]...)
	data, _ := json.Marshal(old)
	if _, err := ParseModel("old.json", data); err == nil {
		t.Error("a model for other inputs was accepted")
	}
}

// unitModel weighs every input 1: the mechanism, whatever the fit.
func unitModel() Model {
	m := Model{ProfileVersion: ProfileVersion, Inputs: ModelInputs, Bias: -1, Sample: SampleStage{Model: 1}}
	for range ModelInputs {
		m.Weights, m.Scale = append(m.Weights, 1), append(m.Scale, 1)
	}
	return m
}
