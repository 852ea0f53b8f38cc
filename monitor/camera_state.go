package monitor

import "time"

// A covered lens (a privacy shutter, a sticker, a hand) or a camera that
// delivers black frames shows a picture that is dark and flat: no face, and
// almost no difference between pixels. That is "camera covered", not "away":
// Hunch cannot tell whether the user is there.
const (
	// coveredContrast is the spread of luma below which a picture is flat.
	coveredContrast = 6.0
	// coveredBrightness is the mean luma below which a picture is black
	// whatever its noise.
	coveredBrightness = 12.0
	// uncoveredContrast is the spread above which a covered lens is open again.
	uncoveredContrast = 10.0
	// coveredAfter is how long the picture must stay covered before it is
	// called so: a camera adjusting its exposure is dark for a moment.
	coveredAfter = 2 * time.Second
)

// coverWatch notices a covered lens from the pictures' brightness and contrast.
type coverWatch struct {
	dark    bool // the latest picture looked covered
	since   time.Duration
	covered bool
}

// looksCovered says whether one picture is dark and flat with nobody in it.
// Observations without a frame size carry no measurements and never are.
func looksCovered(o Observation, wasCovered bool) bool {
	if o.Width == 0 || len(o.Faces) > 0 {
		return false
	}
	if wasCovered {
		return o.Contrast < uncoveredContrast
	}
	return o.Contrast < coveredContrast || (o.Brightness < coveredBrightness && o.Contrast < uncoveredContrast)
}

// step reports whether the lens is, by now, considered covered.
func (w *coverWatch) step(o Observation) bool {
	dark := looksCovered(o, w.covered)
	if dark != w.dark {
		w.dark, w.since = dark, o.At
	}
	switch {
	case !dark:
		w.covered = false
	case o.At-w.since >= coveredAfter:
		w.covered = true
	}
	return w.covered
}

// coveredUpdate is the update for a frame taken through a covered lens: the
// state is held as it was, no time is booked to it and no alert fires, as in
// a pause.
func (s *Session) coveredUpdate(o Observation) Update {
	s.tracker.suspend(o.At)
	s.tally.Frames++
	s.prevAt = o.At
	return Update{At: o.At, Posture: Away, State: s.tracker.state, StateKind: s.tracker.kind,
		CameraCovered: true, SetupChanged: s.setup.changed, SceneShift: s.setup.last}
}

// suspend forgets the runs under way, so that what is seen after a gap
// (a covered lens) starts afresh instead of continuing a slouch that began
// before it: the glance tolerance, the onset and the away delay all count
// from the end of the gap.
func (tr *tracker) suspend(t time.Duration) {
	tr.inSlouch, tr.inUpright, tr.alerted = false, false, false
	tr.lastSeen = t
}
