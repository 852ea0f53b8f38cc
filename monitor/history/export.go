package history

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"time"
)

// Export is the history of a range of local days, as stored: the days'
// reports, the minute rows and the events (minute rows and events exist only
// within the retention; older days have their summary alone).
type Export struct {
	From     string         `json:"from"`
	To       string         `json:"to"`
	Timezone string         `json:"timezone"`
	Days     []DayReport    `json:"days"`
	Minutes  []ExportMinute `json:"minutes"`
	Events   []ExportEvent  `json:"events"`

	loc *time.Location
}

// ExportMinute is one stored minute, in seconds.
type ExportMinute struct {
	Start           time.Time          `json:"start"` // UTC
	UprightS        float64            `json:"upright_s"`
	SlouchedS       float64            `json:"slouched_s"`
	SlouchedByKindS map[string]float64 `json:"slouched_by_kind_s"`
	AwayS           float64            `json:"away_s"`
	PausedS         float64            `json:"paused_s"`
	Alerts          int                `json:"alerts"`
}

// ExportEvent is one stored event.
type ExportEvent struct {
	At     time.Time `json:"at"` // UTC
	Kind   string    `json:"kind"`
	Detail string    `json:"detail"`
}

// Export collects the local days from the day containing from to the day
// containing to, both included, leaving out the days before the history's
// first record (and after today), so that a range reaching back to year 1
// costs no more than the history itself.
func (s *Store) Export(ctx context.Context, from, to time.Time) (Export, error) {
	first, _ := dayBounds(from, s.loc)
	_, end := dayBounds(to, s.loc)
	x := Export{From: first.Format(time.DateOnly), To: to.In(s.loc).Format(time.DateOnly), Timezone: zoneName(s.loc),
		Days: []DayReport{}, Minutes: []ExportMinute{}, Events: []ExportEvent{}, loc: s.loc}
	from, until, err := s.recordedDays(ctx, first, end)
	if err != nil {
		return Export{}, err
	}
	for d := from; d.Before(until); {
		r, err := s.Day(ctx, d)
		if err != nil {
			return Export{}, err
		}
		x.Days = append(x.Days, r)
		y, m, dd := d.Date()
		d = time.Date(y, m, dd+1, 12, 0, 0, 0, s.loc) // noon: every day has one
	}
	minutes, err := s.Minutes(ctx, first, end)
	if err != nil {
		return Export{}, err
	}
	for _, m := range minutes {
		em := ExportMinute{Start: m.Start, UprightS: secs(m.Upright), SlouchedS: secs(m.SlouchedTotal()),
			SlouchedByKindS: map[string]float64{}, AwayS: secs(m.Away), PausedS: secs(m.Paused), Alerts: m.Alerts}
		for k, d := range m.Slouched {
			em.SlouchedByKindS[k] = secs(d)
		}
		x.Minutes = append(x.Minutes, em)
	}
	events, err := s.Events(ctx, first, end)
	if err != nil {
		return Export{}, err
	}
	for _, e := range events {
		x.Events = append(x.Events, ExportEvent(e))
	}
	return x, nil
}

// recordedDays narrows the days [first, end) to those from the first day the
// history holds anything for to today (or its last record, if later): the
// days before it began are not listed (none at all for an empty history).
func (s *Store) recordedDays(ctx context.Context, first, end time.Time) (from, until time.Time, err error) {
	var minMinute, maxMinute, minAt, maxAt sql.NullInt64
	var minDate, maxDate sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT min(minute) FROM minutes), (SELECT max(minute) FROM minutes),
		(SELECT min(at_ms) FROM events), (SELECT max(at_ms) FROM events),
		(SELECT min(date) FROM days), (SELECT max(date) FROM days)`).
		Scan(&minMinute, &maxMinute, &minAt, &maxAt, &minDate, &maxDate)
	if err != nil {
		return first, first, fmt.Errorf("read history: %w", err)
	}
	var seen []time.Time // the first and last record of each table that has any
	if minMinute.Valid {
		seen = append(seen, time.Unix(minMinute.Int64*60, 0), time.Unix(maxMinute.Int64*60, 0))
	}
	if minAt.Valid {
		seen = append(seen, time.UnixMilli(minAt.Int64), time.UnixMilli(maxAt.Int64))
	}
	for _, d := range []sql.NullString{minDate, maxDate} {
		if !d.Valid {
			continue
		}
		t, err := time.ParseInLocation(time.DateOnly, d.String, s.loc)
		if err != nil {
			return first, first, fmt.Errorf("read history: day %q: %w", d.String, err)
		}
		seen = append(seen, t.Add(12*time.Hour)) // noon: inside the day whatever its clock changes
	}
	if len(seen) == 0 {
		return first, first, nil
	}
	lo, hi := seen[0], seen[0]
	for _, t := range seen[1:] {
		if t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if now := s.now(); now.After(hi) {
		hi = now // the days since the last record are days without one
	}
	from, _ = dayBounds(lo, s.loc)
	_, until = dayBounds(hi, s.loc)
	if first.After(from) {
		from = first
	}
	if end.Before(until) {
		until = end
	}
	return from, until, nil
}

// WriteJSON writes the export as one indented JSON object.
func (x Export) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

// SlouchKinds are the kinds of slouch the app books, in the CSV's column
// order (see monitor.SlouchKind); "unknown" holds slouches booked without one.
var SlouchKinds = []string{"leaning_in", "slumped", "hunched", "tilted", "out_of_frame", "unknown"}

// WriteCSV writes the export as one table in time order, a row per record:
// "day" rows for days known only by their summary, "minute" rows, and
// "event" rows. The columns are always record, start_utc, start_local,
// length_s, monitored_s, upright_s, slouched_s, one slouched_<kind>_s per kind
// of SlouchKinds (then any other kind older data holds), away_s, paused_s,
// alerts, event, detail: the same columns whatever the data.
func (x Export) WriteCSV(w io.Writer) error {
	ks := append([]string(nil), SlouchKinds...)
	known := map[string]bool{}
	for _, k := range ks {
		known[k] = true
	}
	var extra []string
	for _, d := range x.Days {
		for k := range d.SlouchedByKindS {
			if !known[k] {
				known[k] = true
				extra = append(extra, k)
			}
		}
	}
	sort.Strings(extra)
	ks = append(ks, extra...)
	loc := x.loc
	if loc == nil {
		var err error
		if loc, err = time.LoadLocation(x.Timezone); err != nil {
			loc = time.UTC
		}
	}

	type row struct {
		at   time.Time
		cols []string
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	line := func(record string, at time.Time, length, up, sl float64, byKind map[string]float64, away, paused float64, alerts int) []string {
		cols := []string{record, at.UTC().Format(time.RFC3339), at.In(loc).Format(time.RFC3339), f(length),
			f(secs(dur(up + sl + away))), f(up), f(sl)}
		for _, k := range ks {
			cols = append(cols, f(byKind[k]))
		}
		return append(cols, f(away), f(paused), strconv.Itoa(alerts), "", "")
	}
	var rows []row
	for _, d := range x.Days {
		if d.Source == "summary" {
			rows = append(rows, row{d.Start, line("day", d.Start, d.LengthS, d.UprightS, d.SlouchedS, d.SlouchedByKindS, d.AwayS, d.PausedS, d.Alerts)})
		}
	}
	for _, m := range x.Minutes {
		rows = append(rows, row{m.Start, line("minute", m.Start, 60, m.UprightS, m.SlouchedS, m.SlouchedByKindS, m.AwayS, m.PausedS, m.Alerts)})
	}
	for _, e := range x.Events {
		cols := make([]string, 7+len(ks)+5)
		cols[0], cols[1], cols[2] = "event", e.At.UTC().Format(time.RFC3339Nano), e.At.In(loc).Format(time.RFC3339Nano)
		cols[len(cols)-2], cols[len(cols)-1] = e.Kind, e.Detail
		rows = append(rows, row{e.At, cols})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].at.Before(rows[j].at) })

	cw := csv.NewWriter(w)
	head := []string{"record", "start_utc", "start_local", "length_s", "monitored_s", "upright_s", "slouched_s"}
	for _, k := range ks {
		head = append(head, "slouched_"+k+"_s")
	}
	cw.Write(append(head, "away_s", "paused_s", "alerts", "event", "detail"))
	for _, r := range rows {
		cw.Write(r.cols)
	}
	cw.Flush()
	return cw.Error()
}
