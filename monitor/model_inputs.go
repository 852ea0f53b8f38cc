package monitor

import "math"

// ModelInputs names what the fitted judgement reads from a frame, in order.
// Each signed feature is split into its two directions, because sinking and
// rising (or leaning in and sitting back) are different postures, not more
// and less of one. A change of this list is a change of the model format.
var ModelInputs = []string{
	"lean_in", "sit_back", "drop", "rise", "shift", "roll",
	"chin_down", "chin_up", "neck_short", "neck_long", "shoulders_up", "at_edge",
}

// inputKind is the kind of slouch each input speaks for when it pushes a
// frame towards slouched (NoSlouch: it never names the kind).
var inputKind = []SlouchKind{
	LeaningIn, Slumped, Slumped, NoSlouch, Tilted, Tilted,
	Hunched, NoSlouch, Hunched, NoSlouch, Hunched, LeaningIn,
}

// inputSign is the sign each input's weight may take: +1 for a departure
// from the calibrated posture towards a slouch, which may only ever count
// for a slouch; 0 for the opposite departures (sitting up straighter,
// rising), which are no evidence of a slouch and get no weight. A fit on a
// handful of people would otherwise learn their quirks, such as "rising
// means slouching" from a camera that was held higher.
var inputSign = []int{
	1, 1, 1, 0, 1, 1,
	1, 0, 1, 0, 1, 1,
}

// The spreads below which a calibration's own spread is not trusted to scale
// the face's size and height: six seconds of a very still sitter measure
// camera noise, not how much they move. They are about twice the spreads
// of the stillest sitters measured (size 0.3-1.6%, height 0.003-0.016 face
// heights, webcam-people-b and webcam-session-a); 0.1 was tried for the
// height and judged restless users worse, leave-one-person-out.
const (
	minSizeSpread = 0.02
	minDropSpread = 0.03
)

// rollScale puts the head's roll in the same order as the other inputs: a
// head on one side is tilted by a few tens of degrees.
const rollScale = 30.0

// inputs turns one frame's features into the model's inputs. Face size and
// height are over the user's own calibration spread, so that a restless
// sitter (or a hand-held camera) needs a larger change to count.
func inputs(ft Features, b Baseline) []float64 {
	lean := math.Log1p(ft.ForwardLean) / math.Max(b.SizeSpread, minSizeSpread) * minSizeSpread
	drop := ft.HeadDrop / math.Max(b.DropSpread, minDropSpread) * minDropSpread
	x := []float64{
		math.Max(0, lean), math.Max(0, -lean),
		math.Max(0, drop), math.Max(0, -drop),
		math.Abs(ft.HeadShift), math.Abs(ft.HeadRoll) / rollScale,
		math.Max(0, ft.ChinDrop), math.Max(0, -ft.ChinDrop),
		0, 0, math.Max(0, ft.ShoulderRaise), 0,
	}
	if ft.NeckGap > 0 { // no shoulder line: no evidence either way
		x[8], x[9] = math.Max(0, 1-ft.NeckGap), math.Max(0, ft.NeckGap-1)
	}
	if ft.AtEdge {
		x[11] = 1
	}
	return x
}

// freeSign marks an input whose weight may take either sign.
const freeSign = 2
