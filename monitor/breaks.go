package monitor

import "time"

// Exercise is a stand-up break suggestion, described in two short lines.
type Exercise struct {
	Name  string
	Lines [2]string
}

// The built-in exercises a stand-up reminder chooses from.
var (
	ChestAndLatStretch = Exercise{"Chest and lat stretch", [2]string{
		"Stand in a doorway, forearms on the frame, and step through until the chest opens.",
		"Then reach both arms overhead and lean gently to each side. Hold 20 s each."}}
	ThoracicMobilisation = Exercise{"Thoracic spine mobilisation", [2]string{
		"Stand, hands behind your head, and arch your upper back gently over the chair's backrest.",
		"Return slowly and repeat 8 times, breathing out as you extend."}}
	ShoulderRolls = Exercise{"Shoulder rolls", [2]string{
		"Stand tall and roll your shoulders up, back and down, slowly, 10 times.",
		"Let your arms hang heavy and let the tension in your neck go."}}
	UpperBackStrengthening = Exercise{"Mid and upper back strengthening", [2]string{
		"Stand, arms in a W at shoulder height, and squeeze your shoulder blades together.",
		"Hold 5 s, release, and repeat 10 times."}}
)

// rotation is the order of exercises when no slouch stood out.
var rotation = []Exercise{UpperBackStrengthening, ChestAndLatStretch, ThoracicMobilisation, ShoulderRolls}

// BreakSettings say when to remind the user to stand up.
type BreakSettings struct {
	// Interval is the continuous presence after which a reminder comes.
	Interval time.Duration
	// MinBreak is the time away that counts as a break.
	MinBreak time.Duration
	// Repeat is how long after a reminder it comes again if the user sits on.
	Repeat time.Duration
}

// DefaultBreakSettings remind after 50 minutes of sitting, count two minutes
// away as a break, and repeat every 10 minutes while the user sits on.
func DefaultBreakSettings() BreakSettings {
	return BreakSettings{Interval: 50 * time.Minute, MinBreak: 2 * time.Minute, Repeat: 10 * time.Minute}
}

// BreakEvent is what the break keeper decided on one update.
type BreakEvent struct {
	// Remind is set on the update a stand-up reminder is due; Exercise is
	// the one to suggest and Sitting how long the user has sat.
	Remind   bool
	Exercise Exercise
	Sitting  time.Duration
	// Break is set on the update where time away reached MinBreak: a break.
	Break bool
}

// Breaks follows presence over time and says when the user should stand up,
// and with which exercise. It works on the updates' input time.
type Breaks struct {
	Settings BreakSettings

	started    bool
	sitStart   time.Duration // start of the current sitting stretch
	awayStart  time.Duration
	away       bool
	onBreak    bool // the current absence already counted as a break
	nextRemind time.Duration
	prevAt     time.Duration
	seen       map[SlouchKind]time.Duration
	turn       int
}

// NewBreaks starts a break keeper with the given settings.
func NewBreaks(s BreakSettings) *Breaks {
	return &Breaks{Settings: s, seen: map[SlouchKind]time.Duration{}}
}

// Step advances with one update. A stretch with no update at all of at
// least MinBreak (Hunch paused, the screen locked, the machine asleep, the
// lens covered) starts a new sitting stretch: the user may well have stood
// up, and a reminder just after they came back would be a false one. It is
// not counted as a break: nobody saw one.
func (b *Breaks) Step(u Update) BreakEvent {
	if !b.started || u.At-b.prevAt >= b.Settings.MinBreak {
		b.started, b.sitStart, b.prevAt = true, u.At, u.At
		b.nextRemind = u.At + b.Settings.Interval
		b.away, b.onBreak = false, false
		clear(b.seen)
	}
	dt := min(max(u.At-b.prevAt, 0), 5*time.Second)
	b.prevAt = u.At
	var ev BreakEvent
	if u.State == Away {
		if !b.away {
			b.away, b.awayStart = true, u.At
		}
		if !b.onBreak && u.At-b.awayStart >= b.Settings.MinBreak {
			b.onBreak, ev.Break = true, true
			clear(b.seen)
		}
		return ev
	}
	if b.away {
		b.away = false
		if b.onBreak {
			b.onBreak = false
			b.sitStart, b.nextRemind = u.At, u.At+b.Settings.Interval
		}
	}
	if u.State == Slouched {
		b.seen[u.StateKind] += dt
	}
	if u.At >= b.nextRemind {
		ev.Remind, ev.Exercise, ev.Sitting = true, b.exercise(), u.At-b.sitStart
		b.nextRemind = u.At + b.Settings.Repeat
	}
	return ev
}

// Use takes new settings. A changed interval moves the current sitting
// stretch's first reminder (to now, when the new interval has already
// passed); repeats after a reminder keep their time.
func (b *Breaks) Use(s BreakSettings) {
	if b.started && b.nextRemind == b.sitStart+b.Settings.Interval {
		b.nextRemind = b.sitStart + s.Interval
	}
	b.Settings = s
}

// Sitting is how long the user has sat since the last break, at input time at.
func (b *Breaks) Sitting(at time.Duration) time.Duration {
	if !b.started || b.onBreak {
		return 0
	}
	return at - b.sitStart
}

// exercise fits what was seen most since the last break.
func (b *Breaks) exercise() Exercise {
	kind, most := NoSlouch, time.Duration(0)
	for k, d := range b.seen {
		if d > most || (d == most && k < kind) {
			kind, most = k, d
		}
	}
	if e, ok := ExerciseFor(kind); ok {
		return e
	}
	e := rotation[b.turn%len(rotation)]
	b.turn++
	return e
}

// ExerciseFor is the exercise that answers a kind of slouch, when one does.
func ExerciseFor(k SlouchKind) (Exercise, bool) {
	switch k {
	case LeaningIn, OutOfFrame:
		return ChestAndLatStretch, true
	case Slumped:
		return ThoracicMobilisation, true
	case Hunched:
		return ShoulderRolls, true
	}
	return Exercise{}, false
}
