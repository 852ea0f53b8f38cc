package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
)

// BreakMinutes is the least number of consecutive away minutes that make a
// break.
const BreakMinutes = 5

// DayReport is one local day's posture. Times are seconds. Monitored time is
// upright + slouched + away (the camera watched); paused time is not
// monitored. On a daylight-saving day LengthS is 23 or 25 hours and Hours has
// 23 or 25 entries.
type DayReport struct {
	Date     string    `json:"date"` // YYYY-MM-DD, the local date
	Timezone string    `json:"timezone"`
	Start    time.Time `json:"start"` // local midnight
	LengthS  float64   `json:"length_s"`

	MonitoredS float64 `json:"monitored_s"`
	UprightS   float64 `json:"upright_s"`
	SlouchedS  float64 `json:"slouched_s"`
	AwayS      float64 `json:"away_s"`
	PausedS    float64 `json:"paused_s"`
	// UprightPct is upright / (upright + slouched) in percent; nil with no
	// present time.
	UprightPct *float64 `json:"upright_pct"`
	// SlouchedByKindS is slouched time per kind ("leaning_in", "slumped", ...).
	SlouchedByKindS map[string]float64 `json:"slouched_by_kind_s"`
	Alerts          int                `json:"alerts"`
	// LongestUprightS is the upright time of the longest upright streak: a run
	// of consecutive stored minutes each with some upright time and no
	// slouched time (away or paused seconds inside such a minute neither
	// break nor lengthen it). A minute with any slouching, a minute wholly
	// away or paused, or a minute not recorded ends the streak. Being measured
	// on whole minutes, it can be shorter than the engine's live streak by up
	// to a minute at each end.
	LongestUprightS float64 `json:"longest_upright_s"`
	// Breaks counts runs of at least BreakMinutes consecutive minutes in which
	// the user was away (30 s or more away, nothing upright or slouched).
	Breaks int `json:"breaks"`
	// Score is the day's posture score (see Score); nil when undefined.
	Score *int         `json:"score"`
	Hours []HourReport `json:"hours"`
	// Source is "minutes" when computed from minute rows, "summary" when the
	// minutes were pruned and the day's stored summary is all that is left.
	Source string `json:"source"`
}

// HourReport is one local hour of a day.
type HourReport struct {
	Start      time.Time `json:"start"` // local, with its offset
	Hour       int       `json:"hour"`  // local clock hour, 0–23
	MonitoredS float64   `json:"monitored_s"`
	UprightS   float64   `json:"upright_s"`
	SlouchedS  float64   `json:"slouched_s"`
	AwayS      float64   `json:"away_s"`
	PausedS    float64   `json:"paused_s"`
	Alerts     int       `json:"alerts"`
	Score      *int      `json:"score"`
}

// totals adds minutes up in exact milliseconds.
type totals struct {
	upright, away, paused time.Duration
	slouched              map[string]time.Duration
	alerts                int
}

func (t *totals) add(m Minute) {
	t.upright += m.Upright
	t.away += m.Away
	t.paused += m.Paused
	t.alerts += m.Alerts
	for k, d := range m.Slouched {
		if t.slouched == nil {
			t.slouched = map[string]time.Duration{}
		}
		t.slouched[k] += d
	}
}

func (t *totals) slouchedTotal() time.Duration {
	var s time.Duration
	for _, d := range t.slouched {
		s += d
	}
	return s
}

func secs(d time.Duration) float64 { return math.Round(d.Seconds()*1000) / 1000 }

func intPtr(v int, ok bool) *int {
	if !ok {
		return nil
	}
	return &v
}

func floatPtr(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// dayBounds is the local day containing t: [midnight, next midnight).
func dayBounds(t time.Time, loc *time.Location) (start, end time.Time) {
	y, m, d := t.In(loc).Date()
	return dayStart(y, m, d, loc), dayStart(y, m, d+1, loc)
}

// dayStart is the first instant of a local day. Where a clock change skips
// midnight (São Paulo sprang from 00:00 to 01:00), time.Date may answer with
// an hour of the day before; the day then starts at the change itself.
func dayStart(y int, m time.Month, d int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	if _, _, day := t.Date(); day != time.Date(y, m, d, 12, 0, 0, 0, loc).Day() {
		_, change := t.ZoneBounds()
		return change
	}
	return t
}

// Day reports the local day (in the Store's zone) that contains day.
func (s *Store) Day(ctx context.Context, day time.Time) (DayReport, error) {
	start, end := dayBounds(day, s.loc)
	minutes, err := s.Minutes(ctx, start, end)
	if err != nil {
		return DayReport{}, err
	}
	if len(minutes) == 0 {
		if r, ok, err := s.summary(ctx, start.Format(time.DateOnly)); err != nil || ok {
			return r, err
		}
	}
	return dayReport(minutes, start, end), nil
}

// Summarized finds the first local day from the day of from to the day of
// to that the history holds only as its summary (its minutes pruned): such
// a day takes no new minutes. found is false when there is none.
func (s *Store) Summarized(ctx context.Context, from, to time.Time) (day string, found bool, err error) {
	first, _ := dayBounds(from, s.loc)
	last, _ := dayBounds(to, s.loc)
	var d sql.NullString
	err = s.db.QueryRowContext(ctx, "SELECT min(date) FROM days WHERE date >= ? AND date <= ?",
		first.Format(time.DateOnly), last.Format(time.DateOnly)).Scan(&d)
	if err != nil {
		return "", false, fmt.Errorf("read history: %w", err)
	}
	return d.String, d.Valid, nil
}

// summary reads a day's stored summary, written when its minutes were pruned.
func (s *Store) summary(ctx context.Context, date string) (DayReport, bool, error) {
	var blob string
	err := s.db.QueryRowContext(ctx, "SELECT report FROM days WHERE date = ?", date).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return DayReport{}, false, nil
	}
	if err != nil {
		return DayReport{}, false, fmt.Errorf("read history: %w", err)
	}
	var r DayReport
	if err := json.Unmarshal([]byte(blob), &r); err != nil {
		return DayReport{}, false, fmt.Errorf("read history: day %s: %w", date, err)
	}
	r.Source = "summary"
	return r, true, nil
}

// dayReport computes a day's report from its minutes, which lie in [start, end).
func dayReport(minutes []Minute, start, end time.Time) DayReport {
	r := DayReport{
		Date:            start.Format(time.DateOnly),
		Timezone:        zoneName(start.Location()),
		Start:           start,
		LengthS:         end.Sub(start).Seconds(),
		SlouchedByKindS: map[string]float64{},
		Source:          "minutes",
	}
	var hours []totals
	for h := start; h.Before(end); h = h.Add(time.Hour) {
		hours = append(hours, totals{})
	}
	var day totals
	var streak, best time.Duration
	var awayRun int
	var prev time.Time
	for _, m := range minutes {
		day.add(m)
		if i := int(m.Start.Sub(start) / time.Hour); i >= 0 && i < len(hours) {
			hours[i].add(m)
		}
		consecutive := !prev.IsZero() && m.Start.Sub(prev) == time.Minute
		prev = m.Start

		sl := m.SlouchedTotal()
		if !consecutive {
			streak = 0
		}
		if m.Upright > 0 && sl == 0 {
			streak += m.Upright
		} else {
			streak = 0
		}
		best = max(best, streak)

		if !consecutive {
			awayRun = 0
		}
		if m.Upright+sl == 0 && m.Away >= 30*time.Second {
			awayRun++
			if awayRun == BreakMinutes {
				r.Breaks++
			}
		} else {
			awayRun = 0
		}
	}
	fill(&r, day)
	r.LongestUprightS = secs(best)
	for i, h := range hours {
		hs := start.Add(time.Duration(i) * time.Hour).In(start.Location())
		sl := h.slouchedTotal()
		score, ok := Score(h.upright, sl, h.alerts)
		r.Hours = append(r.Hours, HourReport{
			Start:      hs,
			Hour:       hs.Hour(),
			MonitoredS: secs(h.upright + sl + h.away),
			UprightS:   secs(h.upright),
			SlouchedS:  secs(sl),
			AwayS:      secs(h.away),
			PausedS:    secs(h.paused),
			Alerts:     h.alerts,
			Score:      intPtr(score, ok),
		})
	}
	return r
}

// fill sets a day's totals, percentage and score.
func fill(r *DayReport, t totals) {
	sl := t.slouchedTotal()
	r.MonitoredS = secs(t.upright + sl + t.away)
	r.UprightS = secs(t.upright)
	r.SlouchedS = secs(sl)
	r.AwayS = secs(t.away)
	r.PausedS = secs(t.paused)
	r.Alerts = t.alerts
	for k, d := range t.slouched {
		r.SlouchedByKindS[k] = secs(d)
	}
	r.UprightPct = floatPtr(uprightPct(t.upright, sl))
	r.Score = intPtr(Score(t.upright, sl, t.alerts))
}
