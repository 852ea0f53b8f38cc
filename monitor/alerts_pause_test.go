package monitor

import (
	"testing"
	"time"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time       { return c.t }
func (c *clock) pass(d time.Duration) { c.t = c.t.Add(d) }
func newClock(h, m int) *clock        { return &clock{time.Date(2025, 3, 14, h, m, 0, 0, time.UTC)} }
func pausedWith(c *clock) *Pause      { return &Pause{Now: c.now} }

func TestAPauseForFifteenMinutesEndsByItself(t *testing.T) {
	c := newClock(14, 15)
	p := pausedWith(c)
	p.For(15 * time.Minute)
	if !p.Paused() || p.Describe() != "Paused until 14:30" {
		t.Fatalf("paused %v, %q", p.Paused(), p.Describe())
	}
	c.pass(14 * time.Minute)
	if !p.Paused() {
		t.Fatal("the pause ended early")
	}
	c.pass(time.Minute)
	if p.Paused() || p.Describe() != "" {
		t.Fatal("the pause did not end after 15 min")
	}
}

func TestAPauseUntilTomorrowLastsUntilMidnight(t *testing.T) {
	c := newClock(16, 40)
	p := pausedWith(c)
	p.UntilTomorrow()
	if p.Describe() != "Paused until tomorrow" {
		t.Errorf("describe %q", p.Describe())
	}
	c.pass(7*time.Hour + 19*time.Minute)
	if !p.Paused() {
		t.Error("paused until tomorrow, but resumed at 23:59")
	}
	c.pass(time.Minute)
	if p.Paused() {
		t.Error("still paused after midnight")
	}
}

func TestResumeEndsAPauseAtOnce(t *testing.T) {
	c := newClock(9, 0)
	p := pausedWith(c)
	p.For(time.Hour)
	p.Resume()
	if p.Paused() {
		t.Error("still paused after Resume")
	}
}
