package monitor

import "time"

// Tally is the accounting of a session: where the time went.
type Tally struct {
	Frames   int
	Upright  time.Duration
	Slouched time.Duration
	Away     time.Duration
	// SlouchedByKind splits Slouched by kind.
	SlouchedByKind map[SlouchKind]time.Duration
	Alerts         int
	// LongestUpright is the longest stretch of upright time not broken by a
	// slouch (time away neither breaks nor lengthens it).
	LongestUpright time.Duration

	streak time.Duration
}

// add books dt of the given state.
func (t *Tally) add(state Posture, kind SlouchKind, dt time.Duration, alert bool) {
	t.Frames++
	if alert {
		t.Alerts++
	}
	switch state {
	case Upright:
		t.Upright += dt
		t.streak += dt
		t.LongestUpright = max(t.LongestUpright, t.streak)
	case Slouched:
		t.Slouched += dt
		if t.SlouchedByKind == nil {
			t.SlouchedByKind = map[SlouchKind]time.Duration{}
		}
		t.SlouchedByKind[kind] += dt
		t.streak = 0
	case Away:
		t.Away += dt
	}
}

// Monitored is all the time accounted for.
func (t Tally) Monitored() time.Duration { return t.Upright + t.Slouched + t.Away }
