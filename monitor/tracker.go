package monitor

import "time"

// tracker turns per-frame judgements into a calm state over time: a dip
// shorter than the glance tolerance never becomes a slouch, a slouch must
// outlast the onset delay to alert, and it ends only after a recovery.
type tracker struct {
	set   Settings
	state Posture
	kind  SlouchKind

	inSlouch     bool // a run of slouched frames is under way
	slouchStart  time.Duration
	kindCount    map[SlouchKind]int
	inUpright    bool
	uprightStart time.Duration
	lastSeen     time.Duration
	lastAlert    time.Duration
	alerted      bool
}

func newTracker(set Settings, start time.Duration) *tracker {
	return &tracker{set: set, state: Upright, lastSeen: start, kindCount: map[SlouchKind]int{}}
}

// step advances the state with one judgement at time t; it reports whether
// an alert fires on this frame.
func (tr *tracker) step(t time.Duration, j Judgement) bool {
	switch j.Posture {
	case Away:
		if t-tr.lastSeen >= tr.set.AwayAfter {
			tr.state, tr.kind = Away, NoSlouch
			tr.endSlouch()
		}
		return false
	case Slouched:
		tr.lastSeen = t
		tr.inUpright = false
		if !tr.inSlouch {
			tr.inSlouch, tr.slouchStart = true, t
			clear(tr.kindCount)
		}
		tr.kindCount[j.Kind]++
		if t-tr.slouchStart >= tr.set.GlanceTolerance {
			tr.state, tr.kind = Slouched, tr.mainKind()
		}
		return tr.maybeAlert(t)
	default:
		tr.lastSeen = t
		if tr.state == Away {
			tr.state = Upright
		}
		if !tr.inUpright {
			tr.inUpright, tr.uprightStart = true, t
		}
		if t-tr.uprightStart >= tr.set.Recovery || !tr.inSlouch {
			tr.endSlouch()
			tr.state, tr.kind = Upright, NoSlouch
		}
		return tr.state == Slouched && tr.maybeAlert(t)
	}
}

func (tr *tracker) endSlouch() {
	tr.inSlouch, tr.alerted = false, false
}

func (tr *tracker) maybeAlert(t time.Duration) bool {
	if tr.state != Slouched || t-tr.slouchStart < tr.set.Onset {
		return false
	}
	if tr.alerted && t-tr.lastAlert < tr.set.Repeat {
		return false
	}
	tr.alerted, tr.lastAlert = true, t
	return true
}

// mainKind is the kind of slouch seen most in the current run.
func (tr *tracker) mainKind() SlouchKind {
	best, n := NoSlouch, 0
	for k, c := range tr.kindCount {
		if c > n || (c == n && k < best) {
			best, n = k, c
		}
	}
	return best
}
