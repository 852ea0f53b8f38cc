package history

import (
	"context"
	"sort"
	"time"
)

// MinHourTime is the least present time an hour of the day needs, over the
// week, to be ranked among the best or worst hours.
const MinHourTime = 10 * time.Minute

// WeekReport is the seven local days ending with a given day, side by side.
type WeekReport struct {
	From     string      `json:"from"`
	To       string      `json:"to"`
	Timezone string      `json:"timezone"`
	Days     []DayReport `json:"days"` // oldest first

	MonitoredS float64  `json:"monitored_s"`
	UprightS   float64  `json:"upright_s"`
	SlouchedS  float64  `json:"slouched_s"`
	AwayS      float64  `json:"away_s"`
	Alerts     int      `json:"alerts"`
	UprightPct *float64 `json:"upright_pct"`
	// Score is the week's score over its totals (not a mean of the days).
	Score *int `json:"score"`
	// TrendPerDay is the least-squares slope of the daily scores, in points
	// per day, over the days that have a score; nil with fewer than three.
	TrendPerDay *float64 `json:"trend_per_day"`
	// Trend is "improving" (slope above +1 point a day), "worsening" (below
	// −1), "steady", or "not enough data".
	Trend string `json:"trend"`
	// BestHours and WorstHours rank the hours of the day (0–23, all seven days
	// together) with at least MinHourTime present, by upright percentage: up
	// to three each, best first and worst first, never the same hour in both.
	BestHours  []HourOfDay `json:"best_hours"`
	WorstHours []HourOfDay `json:"worst_hours"`
}

// HourOfDay is one clock hour over several days.
type HourOfDay struct {
	Hour       int     `json:"hour"`
	UprightPct float64 `json:"upright_pct"`
	PresentS   float64 `json:"present_s"`
}

// Week reports the seven local days ending with the day that contains last.
func (s *Store) Week(ctx context.Context, last time.Time) (WeekReport, error) {
	lastStart, _ := dayBounds(last, s.loc)
	y, m, d := lastStart.Date()
	var days []DayReport
	for i := 6; i >= 0; i-- {
		r, err := s.Day(ctx, time.Date(y, m, d-i, 12, 0, 0, 0, s.loc))
		if err != nil {
			return WeekReport{}, err
		}
		days = append(days, r)
	}
	return weekReport(days, s.loc), nil
}

func weekReport(days []DayReport, loc *time.Location) WeekReport {
	w := WeekReport{From: days[0].Date, To: days[len(days)-1].Date, Timezone: zoneName(loc), Days: days}
	var up, sl time.Duration
	byHour := make([]struct{ up, sl time.Duration }, 24)
	var xs, ys []float64
	for i, d := range days {
		w.MonitoredS += d.MonitoredS
		w.UprightS += d.UprightS
		w.SlouchedS += d.SlouchedS
		w.AwayS += d.AwayS
		w.Alerts += d.Alerts
		up += dur(d.UprightS)
		sl += dur(d.SlouchedS)
		for _, h := range d.Hours {
			byHour[h.Hour].up += dur(h.UprightS)
			byHour[h.Hour].sl += dur(h.SlouchedS)
		}
		if d.Score != nil {
			xs = append(xs, float64(i))
			ys = append(ys, float64(*d.Score))
		}
	}
	w.MonitoredS, w.UprightS, w.SlouchedS, w.AwayS = secs(dur(w.MonitoredS)), secs(up), secs(sl), secs(dur(w.AwayS))
	w.UprightPct = floatPtr(uprightPct(up, sl))
	w.Score = intPtr(Score(up, sl, w.Alerts))

	w.Trend = "not enough data"
	if len(xs) >= 3 {
		slope := slope(xs, ys)
		w.TrendPerDay = &slope
		switch {
		case slope > 1:
			w.Trend = "improving"
		case slope < -1:
			w.Trend = "worsening"
		default:
			w.Trend = "steady"
		}
	}

	var ranked []HourOfDay
	for h, t := range byHour {
		if t.up+t.sl >= MinHourTime {
			pct, _ := uprightPct(t.up, t.sl)
			ranked = append(ranked, HourOfDay{Hour: h, UprightPct: pct, PresentS: secs(t.up + t.sl)})
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool { return ranked[i].UprightPct > ranked[j].UprightPct })
	nBest := min(3, (len(ranked)+1)/2)
	nWorst := min(3, len(ranked)-nBest)
	w.BestHours = append([]HourOfDay{}, ranked[:nBest]...)
	w.WorstHours = []HourOfDay{}
	for i := 0; i < nWorst; i++ {
		w.WorstHours = append(w.WorstHours, ranked[len(ranked)-1-i])
	}
	return w
}

func dur(seconds float64) time.Duration { return time.Duration(msOf(seconds)) * time.Millisecond }

// slope is the least-squares slope of ys against xs.
func slope(xs, ys []float64) float64 {
	n := float64(len(xs))
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
		sxx += xs[i] * xs[i]
		sxy += xs[i] * ys[i]
	}
	den := n*sxx - sx*sx
	if den == 0 {
		return 0
	}
	return (n*sxy - sx*sy) / den
}
