package monitor

import (
	"testing"
	"time"
)

// sitting builds updates every 5 s from start for d in the given state.
func sitting(start, d time.Duration, state Posture, kind SlouchKind) []Update {
	var ups []Update
	for t := start; t < start+d; t += 5 * time.Second {
		ups = append(ups, Update{At: t, State: state, StateKind: kind})
	}
	return ups
}

func stepAll(b *Breaks, ups []Update) []BreakEvent {
	var evs []BreakEvent
	for _, u := range ups {
		if ev := b.Step(u); ev.Remind || ev.Break {
			evs = append(evs, ev)
		}
	}
	return evs
}

func TestFiftyMinutesOfSittingBringsAStandUpReminder(t *testing.T) {
	b := NewBreaks(DefaultBreakSettings())
	evs := stepAll(b, sitting(0, 49*time.Minute, Upright, NoSlouch))
	if len(evs) != 0 {
		t.Fatalf("%d reminders before 50 min", len(evs))
	}
	evs = stepAll(b, sitting(49*time.Minute, 2*time.Minute, Upright, NoSlouch))
	if len(evs) != 1 || !evs[0].Remind || evs[0].Sitting != 50*time.Minute {
		t.Fatalf("want one reminder at 50 min of sitting, got %+v", evs)
	}
	if evs[0].Exercise.Lines[0] == "" || evs[0].Exercise.Lines[1] == "" {
		t.Errorf("the exercise must be described in two lines: %+v", evs[0].Exercise)
	}
}

func TestTwoMinutesAwayIsABreakAndRestartsTheClock(t *testing.T) {
	b := NewBreaks(DefaultBreakSettings())
	var ups []Update
	ups = append(ups, sitting(0, 40*time.Minute, Upright, NoSlouch)...)
	ups = append(ups, sitting(40*time.Minute, 150*time.Second, Away, NoSlouch)...)
	ups = append(ups, sitting(40*time.Minute+150*time.Second, 45*time.Minute, Upright, NoSlouch)...)
	evs := stepAll(b, ups)
	if len(evs) != 1 || !evs[0].Break {
		t.Fatalf("want exactly one break and no reminder (45 min sat since), got %+v", evs)
	}
}

func TestAShortAbsenceIsNotABreak(t *testing.T) {
	b := NewBreaks(DefaultBreakSettings())
	var ups []Update
	ups = append(ups, sitting(0, 30*time.Minute, Upright, NoSlouch)...)
	ups = append(ups, sitting(30*time.Minute, 90*time.Second, Away, NoSlouch)...)
	ups = append(ups, sitting(30*time.Minute+90*time.Second, 25*time.Minute, Upright, NoSlouch)...)
	evs := stepAll(b, ups)
	if len(evs) != 1 || !evs[0].Remind {
		t.Fatalf("a 90 s absence must not reset the sitting clock: got %+v", evs)
	}
}

func TestTheExerciseFitsWhatWasSeenMost(t *testing.T) {
	for _, c := range []struct {
		kind SlouchKind
		want Exercise
	}{
		{LeaningIn, ChestAndLatStretch},
		{Slumped, ThoracicMobilisation},
		{Hunched, ShoulderRolls},
	} {
		b := NewBreaks(DefaultBreakSettings())
		var ups []Update
		ups = append(ups, sitting(0, 10*time.Minute, Slouched, Tilted)...)
		ups = append(ups, sitting(10*time.Minute, 20*time.Minute, Slouched, c.kind)...)
		ups = append(ups, sitting(30*time.Minute, 21*time.Minute, Upright, NoSlouch)...)
		evs := stepAll(b, ups)
		if len(evs) != 1 || evs[0].Exercise.Name != c.want.Name {
			t.Errorf("mostly %s: got %+v, want %s", c.kind, evs, c.want.Name)
		}
	}
}

func TestWithNoSlouchTheExercisesTakeTurns(t *testing.T) {
	b := NewBreaks(BreakSettings{Interval: 10 * time.Minute, MinBreak: 2 * time.Minute, Repeat: 10 * time.Minute})
	evs := stepAll(b, sitting(0, 41*time.Minute, Upright, NoSlouch))
	if len(evs) != 4 {
		t.Fatalf("%d reminders over 41 min with a 10 min interval, want 4", len(evs))
	}
	names := map[string]bool{}
	for _, e := range evs {
		names[e.Exercise.Name] = true
	}
	if len(names) != 4 {
		t.Errorf("the four reminders should show four exercises, got %v", names)
	}
}

func TestTheSlouchesBeforeABreakDoNotChooseTheNextExercise(t *testing.T) {
	b := NewBreaks(DefaultBreakSettings())
	var ups []Update
	ups = append(ups, sitting(0, 30*time.Minute, Slouched, Slumped)...)
	ups = append(ups, sitting(30*time.Minute, 3*time.Minute, Away, NoSlouch)...)
	ups = append(ups, sitting(33*time.Minute, 20*time.Minute, Slouched, LeaningIn)...)
	ups = append(ups, sitting(53*time.Minute, 31*time.Minute, Upright, NoSlouch)...)
	evs := stepAll(b, ups)
	if len(evs) != 2 || evs[1].Exercise.Name != ChestAndLatStretch.Name {
		t.Fatalf("want a break then a chest stretch, got %+v", evs)
	}
}

// TestTimeNotWatchedRestartsTheSittingClockWithoutABreak: after two minutes
// or more with no update (a pause, a locked screen) the sitting stretch
// starts again, and no break is counted (none was seen); a shorter gap
// changes nothing.
func TestTimeNotWatchedRestartsTheSittingClockWithoutABreak(t *testing.T) {
	for _, c := range []struct {
		gap        time.Duration
		remindedAt time.Duration // when the first reminder comes
	}{
		{gap: 90 * time.Second, remindedAt: 50 * time.Minute},
		{gap: DefaultBreakSettings().MinBreak, remindedAt: 40*time.Minute + DefaultBreakSettings().MinBreak + 50*time.Minute},
	} {
		b := NewBreaks(DefaultBreakSettings())
		ups := sitting(0, 40*time.Minute, Upright, NoSlouch)
		ups = append(ups, sitting(40*time.Minute+c.gap, 60*time.Minute, Upright, NoSlouch)...)
		var evs []BreakEvent
		var at []time.Duration
		for _, u := range ups {
			if ev := b.Step(u); ev.Remind || ev.Break {
				evs, at = append(evs, ev), append(at, u.At)
			}
		}
		if len(evs) == 0 || evs[0].Break || at[0] != c.remindedAt {
			t.Errorf("gap %v: events %+v at %v, want the first a reminder at %v", c.gap, evs, at, c.remindedAt)
		}
	}
}

// TestAShorterIntervalChosenWhileSittingBringsTheReminderForward: the user
// sat 40 minutes, then chose reminders every 30: one comes at once, not 30
// minutes later; a longer interval puts it off.
func TestAShorterIntervalChosenWhileSittingBringsTheReminderForward(t *testing.T) {
	for _, c := range []struct {
		interval, remindedAt time.Duration
	}{
		{interval: 30 * time.Minute, remindedAt: 40 * time.Minute},
		{interval: 70 * time.Minute, remindedAt: 70 * time.Minute},
	} {
		b := NewBreaks(DefaultBreakSettings())
		stepAll(b, sitting(0, 40*time.Minute, Upright, NoSlouch))
		s := DefaultBreakSettings()
		s.Interval = c.interval
		b.Use(s)
		var first time.Duration
		for _, u := range sitting(40*time.Minute, 40*time.Minute, Upright, NoSlouch) {
			if ev := b.Step(u); ev.Remind && first == 0 {
				first = u.At
			}
		}
		if first != c.remindedAt {
			t.Errorf("interval %v chosen at 40 min: first reminder at %v, want %v", c.interval, first, c.remindedAt)
		}
	}
}
