package monitor

import (
	"errors"
	"fmt"
	"math"
)

// Example is one labelled frame to fit the judgement on: its features
// against the baseline of that person's own calibration.
type Example struct {
	Person   string
	Features Features
	Baseline Baseline
	Slouched bool
}

// fitRidge is the L2 penalty on the standardised weights, against a total
// frame weight of 1. Without it an input that happens to separate the few
// people we have grows without bound; with it, a weight must be earned by
// many frames of several people. (Chosen among 0.05, 0.01 and 0.002 by the
// leave-one-person-out figures: a design choice made on the people in
// ../shared, as the README says.)
const fitRidge = 0.01

// FitModel fits the judgement's weights to labelled frames by logistic
// regression (Newton's method: deterministic, the same weights for the same
// frames). Every person weighs the same however many frames they gave, and
// within a person their upright and their slouched frames weigh the same, so
// that one long recording cannot decide the model. Inputs are standardised
// for the fit; the weights returned apply to raw inputs.
func FitModel(ex []Example, note string) (Model, error) {
	var xs [][]float64
	var ys []bool
	for _, e := range ex {
		if e.Features.FaceFound {
			xs = append(xs, inputs(e.Features, e.Baseline))
			ys = append(ys, e.Slouched)
		}
	}
	ws := exampleWeights(ex)
	if len(xs) == 0 {
		return Model{}, errors.New("fit: no labelled frame with a face")
	}
	if !hasBothLabels(ys) {
		return Model{}, errors.New("fit: need both upright and slouched frames")
	}
	mean, scale := standardise(xs, ws)
	z := make([][]float64, len(xs))
	for i, x := range xs {
		z[i] = make([]float64, len(x))
		for j := range x {
			z[i][j] = (x[j] - mean[j]) * scale[j]
		}
	}
	beta, err := signedLogistic(z, ys, ws)
	if err != nil {
		return Model{}, err
	}
	m := Model{ProfileVersion: ProfileVersion, Note: note, Inputs: append([]string(nil), ModelInputs...), Scale: uprightScale(xs, ys, ws)}
	m.Bias = beta[len(beta)-1]
	m.Weights = make([]float64, len(mean))
	for j := range mean {
		m.Weights[j] = beta[j] * scale[j]
		m.Bias -= beta[j] * scale[j] * mean[j]
	}
	return m, nil
}

// uprightScale is each input's inverse spread over the upright frames: how
// much it varies while people sit well, the unit in which a departure
// towards a slouch sample is measured.
func uprightScale(xs [][]float64, ys []bool, ws []float64) []float64 {
	var up [][]float64
	var uw []float64
	for i, x := range xs {
		if !ys[i] {
			up, uw = append(up, x), append(uw, ws[i])
		}
	}
	_, scale := standardise(up, uw)
	return scale
}

// exampleWeights gives each (person, label) group of frames with a face the
// same total weight.
func exampleWeights(ex []Example) []float64 {
	type group struct {
		person string
		bad    bool
	}
	n := map[group]int{}
	for _, e := range ex {
		if e.Features.FaceFound {
			n[group{e.Person, e.Slouched}]++
		}
	}
	var ws []float64
	for _, e := range ex {
		if e.Features.FaceFound {
			ws = append(ws, 1/float64(n[group{e.Person, e.Slouched}]*len(n)))
		}
	}
	return ws
}

func hasBothLabels(ys []bool) bool {
	seen := map[bool]bool{}
	for _, y := range ys {
		seen[y] = true
	}
	return len(seen) == 2
}

// standardise returns each input's weighted mean and the inverse of its
// standard deviation (0 for an input that never varies: it gets no weight).
func standardise(xs [][]float64, ws []float64) (mean, scale []float64) {
	d := len(xs[0])
	mean, scale = make([]float64, d), make([]float64, d)
	total := 0.0
	for i, x := range xs {
		total += ws[i]
		for j := range x {
			mean[j] += ws[i] * x[j]
		}
	}
	for j := range mean {
		mean[j] /= total
		v := 0.0
		for i, x := range xs {
			v += ws[i] * (x[j] - mean[j]) * (x[j] - mean[j])
		}
		if sd := math.Sqrt(v / total); sd > 1e-9 {
			scale[j] = 1 / sd
		}
	}
	return mean, scale
}

// signedLogistic fits the logistic regression with each input's weight
// held to the sign inputSign gives it: an input whose fitted weight has the
// wrong sign is dropped (weight 0) and the rest refitted, until none has.
func signedLogistic(xs [][]float64, ys []bool, ws []float64) ([]float64, error) {
	d := len(xs[0])
	active := make([]bool, d)
	for j := range active {
		active[j] = inputSign[j] != 0
	}
	for {
		var cols []int
		for j, on := range active {
			if on {
				cols = append(cols, j)
			}
		}
		sub := make([][]float64, len(xs))
		for i, x := range xs {
			sub[i] = make([]float64, len(cols))
			for k, j := range cols {
				sub[i][k] = x[j]
			}
		}
		b, err := logistic(sub, ys, ws, fitRidge)
		if err != nil {
			return nil, err
		}
		beta := make([]float64, d+1)
		beta[d] = b[len(cols)]
		worst, worstJ := 0.0, -1
		for k, j := range cols {
			beta[j] = b[k]
			if wrong := -b[k] * float64(inputSign[j]); inputSign[j] != freeSign && wrong > worst {
				worst, worstJ = wrong, j
			}
		}
		if worstJ < 0 {
			return beta, nil
		}
		active[worstJ] = false
	}
}

// logistic fits weighted, ridge-penalised logistic regression by Newton's
// method; the last coefficient is the (unpenalised) intercept.
func logistic(xs [][]float64, ys []bool, ws []float64, ridge float64) ([]float64, error) {
	d := len(xs[0]) + 1
	beta := make([]float64, d)
	for iter := 0; iter < 100; iter++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for j := range hess {
			hess[j] = make([]float64, d)
		}
		for i, x := range xs {
			row := append(append([]float64(nil), x...), 1)
			p := sigmoid(dot(beta, row))
			y := 0.0
			if ys[i] {
				y = 1
			}
			for a := range row {
				grad[a] += ws[i] * (p - y) * row[a]
				for b := range row {
					hess[a][b] += ws[i] * p * (1 - p) * row[a] * row[b]
				}
			}
		}
		for j := 0; j < d-1; j++ {
			grad[j] += ridge * beta[j]
			hess[j][j] += ridge
		}
		hess[d-1][d-1] += 1e-9
		step, err := solve(hess, grad)
		if err != nil {
			return nil, fmt.Errorf("fit: %w", err)
		}
		moved := 0.0
		for j := range beta {
			beta[j] -= step[j]
			moved = math.Max(moved, math.Abs(step[j]))
		}
		if moved < 1e-10 {
			break
		}
	}
	return beta, nil
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		pivot := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[pivot][c]) {
				pivot = r
			}
		}
		m[c], m[pivot] = m[pivot], m[c]
		if math.Abs(m[c][c]) < 1e-15 {
			return nil, errors.New("singular system")
		}
		for r := c + 1; r < n; r++ {
			k := m[r][c] / m[c][c]
			for j := c; j <= n; j++ {
				m[r][j] -= k * m[c][j]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for j := r + 1; j < n; j++ {
			s -= m[r][j] * x[j]
		}
		x[r] = s / m[r][r]
	}
	return x, nil
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
