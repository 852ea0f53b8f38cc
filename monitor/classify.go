package monitor

import "fmt"

// Sensitivity moves the line between upright and slouched.
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

// sensitivityStep is how far one step of sensitivity moves the line, in
// log-odds: low calls a slouch only when the model is 73% sure, high when it
// is 27% sure (medium: 50%).
const sensitivityStep = 1.0

// logOddsShift is what the sensitivity adds to a frame's log-odds.
func (s Sensitivity) logOddsShift() float64 {
	switch s {
	case Low:
		return -sensitivityStep
	case High:
		return sensitivityStep
	}
	return 0
}

// stayingSlouched is the head start a frame gets, in log-odds, when the
// frame before was slouched: to stay slouched the model need only be 38%
// sure, so a posture near the line does not flicker between verdicts.
const stayingSlouched = 0.5

// Judgement is one frame's classification.
type Judgement struct {
	Posture Posture
	Kind    SlouchKind
	// Score is how sure the judgement is of a slouch, 0..1: 0.5 is the line
	// between upright and slouched at medium sensitivity.
	Score float64
}

// Classifier turns features into a Judgement for one user's baseline.
type Classifier struct {
	Model       Model
	Sensitivity Sensitivity
	Baseline    Baseline
}

// Classify judges one frame. wasSlouched lowers the bar to stay slouched, so
// a posture near the line does not flicker.
func (c Classifier) Classify(ft Features, wasSlouched bool) Judgement {
	if !ft.FaceFound {
		return Judgement{Posture: Away}
	}
	z, shares := c.evidence(ft)
	j := Judgement{Posture: Upright, Score: sigmoid(z)}
	line := z + c.Sensitivity.logOddsShift()
	if wasSlouched {
		line += stayingSlouched
	}
	if line >= 0 {
		j.Posture, j.Kind = Slouched, kindOf(shares)
	}
	return j
}

// evidence is the frame's log-odds of a slouch and each input's share of
// it: the fitted model's, and with a slouch sample the second stage's.
func (c Classifier) evidence(ft Features) (float64, []float64) {
	x := inputs(ft, c.Baseline)
	z, shares := c.Model.logOdds(x)
	sample := c.Baseline.SlouchSample
	if sample == nil {
		return z, shares
	}
	st := c.Model.Sample
	t, towards := c.Model.towardSample(x, inputs(sampleFor(ft, *sample), c.Baseline))
	for i := range shares {
		shares[i] = st.Model*shares[i] + st.Toward*towards[i]
	}
	return st.Model*z + st.Toward*t + st.Bias, shares
}

// sampleFor is the user's slouch sample as frame ft can be compared with
// it: what the frame gives no evidence of (no shoulder line: no neck gap; a
// moved camera: no place in the picture) is left out of the sample too, so
// that the way towards the sample is measured along what the frame shows.
// Otherwise a frame just like the sample would count for only part of the
// way.
func sampleFor(ft, sample Features) Features {
	if ft.NeckGap == 0 {
		sample.NeckGap = 0
	}
	if ft.placeUnjudged {
		sample = sample.withoutPlace()
	}
	return sample
}

// kindOf names the slouch after the kind whose inputs pushed hardest
// towards it; Slumped when none did (a slouch seen only as a whole).
func kindOf(shares []float64) SlouchKind {
	push := map[SlouchKind]float64{}
	for i, s := range shares {
		if k := inputKind[i]; k != NoSlouch {
			push[k] += s
		}
	}
	kind, best := Slumped, 0.0
	for _, k := range []SlouchKind{LeaningIn, Slumped, Hunched, Tilted} {
		if push[k] > best {
			kind, best = k, push[k]
		}
	}
	return kind
}
