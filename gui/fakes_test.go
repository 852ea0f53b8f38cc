package gui

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// intents records what the user asked for.
type intents struct {
	calls    []string
	settings []Prefs
}

func (i *intents) PauseFor(d time.Duration) { i.calls = append(i.calls, fmt.Sprintf("pause %v", d)) }
func (i *intents) SnoozeFor(d time.Duration) {
	i.calls = append(i.calls, fmt.Sprintf("snooze %v", d))
}
func (i *intents) PauseUntilTomorrow() { i.calls = append(i.calls, "pause until tomorrow") }
func (i *intents) Resume()             { i.calls = append(i.calls, "resume") }
func (i *intents) StartCalibration()   { i.calls = append(i.calls, "calibrate") }
func (i *intents) CancelCalibration()  { i.calls = append(i.calls, "cancel calibration") }
func (i *intents) EndSnooze()          { i.calls = append(i.calls, "end snooze") }
func (i *intents) BeginCalibration()   { i.calls = append(i.calls, "begin calibration") }
func (i *intents) CalibrationDone()    { i.calls = append(i.calls, "calibration done") }
func (i *intents) SampleSlouch(record bool) {
	i.calls = append(i.calls, fmt.Sprintf("sample slouch %v", record))
}
func (i *intents) ApplySettings(p Prefs) { i.settings = append(i.settings, p) }
func (i *intents) DeleteHistory() error  { i.calls = append(i.calls, "delete history"); return nil }
func (i *intents) StartDemo()            { i.calls = append(i.calls, "demo") }
func (i *intents) Quit()                 { i.calls = append(i.calls, "quit") }
func (i *intents) last() string          { return i.calls[len(i.calls)-1] }

// notifier is a notification service that answers, or not.
type notifier struct {
	down    bool
	sent    []monitor.Alert
	icons   []Mode
	snoozes []func()
}

func (n *notifier) Notify(a monitor.Alert, icon Mode, sound bool, snooze func()) error {
	if n.down {
		return errors.New("org.freedesktop.Notifications: no such service")
	}
	n.sent, n.icons, n.snoozes = append(n.sent, a), append(n.icons, icon), append(n.snoozes, snooze)
	return nil
}

// newUI builds the UI on Fyne's test driver with fakes.
func newUI(t *testing.T, reports Reports, n Notifier) (*UI, *intents) {
	t.Helper()
	a := test.NewTempApp(t)
	in := &intents{}
	u := New(a, in, reports, n)
	u.async = func(f func()) { f() }
	return u, in
}

// march14 is the test's "today", 15:30 UTC.
var march14 = time.Date(2025, 3, 14, 15, 30, 0, 0, time.UTC)

// storeWithDays records a believable working day on March 13 and 14 and
// returns the store for reports.
func storeWithDays(t *testing.T) *history.Store {
	t.Helper()
	s, err := history.Open(context.Background(), t.TempDir(), history.Options{Now: func() time.Time { return march14 }, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	rec := history.NewRecorder(s)
	for _, day := range []int{13, 14} {
		at := time.Date(2025, 3, day, 9, 0, 0, 0, time.UTC)
		for h := 9; h < 15; h++ {
			lean := time.Duration(5+3*(h%3)+day%2*4) * time.Minute
			spans := []struct {
				d       time.Duration
				posture string
				kind    string
			}{
				{25 * time.Minute, history.Upright, ""},
				{lean, history.Slouched, "leaning_in"},
				{4 * time.Minute, history.Slouched, "hunched"},
				{6 * time.Minute, history.Away, ""},
				{25*time.Minute - lean, history.Upright, ""},
			}
			for _, sp := range spans {
				if err := rec.AddSpan(at, sp.d, sp.posture, sp.kind); err != nil {
					t.Fatal(err)
				}
				if sp.posture == history.Slouched && sp.kind == "leaning_in" {
					rec.AddEvent(history.Event{At: at.Add(20 * time.Second), Kind: history.EventAlert, Detail: "leaning_in"})
				}
				at = at.Add(sp.d)
			}
		}
	}
	if err := rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// windowTitled finds an open window by title.
func windowTitled(a fyne.App, title string) fyne.Window {
	for _, w := range a.Driver().AllWindows() {
		if w.Title() == title {
			return w
		}
	}
	return nil
}
