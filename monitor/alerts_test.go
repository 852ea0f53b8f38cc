package monitor

import (
	"strings"
	"testing"
	"time"
)

func TestASlouchAlertSaysWhatWasSeenAndWhatToDo(t *testing.T) {
	a := SlouchAlert(LeaningIn, 25*time.Second)
	if want := "Leaning towards the screen for 25 s — sit back, shoulders back and down"; a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	if got := SlouchAlert(Slumped, 3*time.Minute+10*time.Second).Body; !strings.HasPrefix(got, "Slumped down in the chair for 3 min — ") {
		t.Errorf("body %q", got)
	}
}

func TestAStandUpReminderNamesTheExercise(t *testing.T) {
	a := StandUpAlert(ShoulderRolls, 50*time.Minute)
	if !strings.Contains(a.Title, "50 min") || !strings.HasPrefix(a.Body, "Shoulder rolls: ") {
		t.Errorf("reminder %+v", a)
	}
}

func TestSpansReadAsPeopleSayThem(t *testing.T) {
	for d, want := range map[time.Duration]string{
		25 * time.Second: "25 s", 90 * time.Second: "1 min", time.Hour: "1 h", 65 * time.Minute: "1 h 5 min",
		59600 * time.Millisecond: "1 min", 0: "0 s", // never "60 s"
	} {
		if got := FormatSpan(d); got != want {
			t.Errorf("FormatSpan(%v) = %q, want %q", d, got, want)
		}
	}
}
