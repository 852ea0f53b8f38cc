package monitor

import (
	"sync"
	"time"
)

// Pause is whether the user asked Hunch to stop watching for a while: for a
// duration or until tomorrow. While paused no alert or reminder is given and
// the time is recorded as paused. It is safe for concurrent use: the menu sets
// it, the watching goroutine reads it.
type Pause struct {
	// Now is the clock; time.Now when nil.
	Now func() time.Time

	mu    sync.Mutex
	until time.Time
}

func (p *Pause) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

// For pauses for d from now.
func (p *Pause) For(d time.Duration) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.until = p.now().Add(d)
	return p.until
}

// UntilTomorrow pauses until the next local midnight.
func (p *Pause) UntilTomorrow() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.now()
	y, m, d := n.Date()
	p.until = time.Date(y, m, d+1, 0, 0, 0, 0, n.Location())
	return p.until
}

// Resume ends a pause now.
func (p *Pause) Resume() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.until = time.Time{}
}

// Paused reports whether a pause is in force now.
func (p *Pause) Paused() bool {
	_, ok := p.Until()
	return ok
}

// Until is when the pause ends, and whether one is in force.
func (p *Pause) Until() (time.Time, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.until.IsZero() || !p.now().Before(p.until) {
		return time.Time{}, false
	}
	return p.until, true
}

// Describe says how long the pause lasts, for the menu: "Paused until 14:30",
// "Paused until tomorrow"; "" when not paused.
func (p *Pause) Describe() string {
	until, ok := p.Until()
	if !ok {
		return ""
	}
	n := p.now()
	y, m, d := n.Date()
	if until.Equal(time.Date(y, m, d+1, 0, 0, 0, 0, n.Location())) {
		return "Paused until tomorrow"
	}
	return "Paused until " + until.Format("15:04")
}
