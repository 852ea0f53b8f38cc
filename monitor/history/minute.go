package history

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Posture values accepted by the Recorder, as the engine names them.
const (
	Upright  = "upright"
	Slouched = "slouched"
	Away     = "away"
	Paused   = "paused"
)

// Event kinds the engine records. Kinds are stored as text, so others may be
// added without a migration.
const (
	EventAlert           = "alert"
	EventSnooze          = "snooze"
	EventPause           = "pause"
	EventResume          = "resume"
	EventCalibration     = "calibration"
	EventBreak           = "break"
	EventStandupReminder = "standup_reminder"
)

// Minute is one minute's aggregate: how its seconds were spent. Upright,
// slouched and away time is monitored time; paused time is not.
type Minute struct {
	// Start is the minute's start, a whole UTC minute.
	Start    time.Time
	Upright  time.Duration
	Slouched map[string]time.Duration // by kind
	Away     time.Duration
	Paused   time.Duration
	// Alerts is the number of alerts fired during the minute.
	Alerts int
}

// SlouchedTotal is the minute's slouched time, all kinds together.
func (m Minute) SlouchedTotal() time.Duration {
	var t time.Duration
	for _, d := range m.Slouched {
		t += d
	}
	return t
}

// Monitored is the time the camera watched: upright, slouched and away.
func (m Minute) Monitored() time.Duration { return m.Upright + m.SlouchedTotal() + m.Away }

// Event is something that happened at an instant: an alert and its kind, a
// snooze, a pause, a calibration, a break, a stand-up reminder.
type Event struct {
	At     time.Time
	Kind   string
	Detail string
}

// ms rounds a duration to whole milliseconds, the store's unit.
func ms(d time.Duration) int64 { return int64((d + time.Millisecond/2) / time.Millisecond) }

// minuteKey is a UTC minute's key: whole minutes since the Unix epoch.
func minuteKey(t time.Time) int64 {
	u := t.Unix()
	if u < 0 && u%60 != 0 {
		return u/60 - 1
	}
	return u / 60
}

// Write adds minutes and events to the store in one transaction. Minutes are
// added to what the store already holds for them, so a minute may be written
// in parts (a partial minute at Close, the rest after a restart). A failure
// is a *WriteError and writes nothing.
func (s *Store) Write(ctx context.Context, minutes []Minute, events []Event) error {
	if err := s.write(ctx, minutes, events); err != nil {
		return &WriteError{Path: s.path, Err: err}
	}
	return nil
}

func (s *Store) write(ctx context.Context, minutes []Minute, events []Event) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	upMin, err := tx.PrepareContext(ctx, `INSERT INTO minutes (minute, upright_ms, away_ms, paused_ms, alerts)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (minute) DO UPDATE SET
			upright_ms = upright_ms + excluded.upright_ms,
			away_ms = away_ms + excluded.away_ms,
			paused_ms = paused_ms + excluded.paused_ms,
			alerts = alerts + excluded.alerts`)
	if err != nil {
		return err
	}
	defer upMin.Close()
	upSlouch, err := tx.PrepareContext(ctx, `INSERT INTO minute_slouch (minute, kind, ms) VALUES (?, ?, ?)
		ON CONFLICT (minute, kind) DO UPDATE SET ms = ms + excluded.ms`)
	if err != nil {
		return err
	}
	defer upSlouch.Close()
	for _, m := range minutes {
		k := minuteKey(m.Start)
		if _, err := upMin.ExecContext(ctx, k, ms(m.Upright), ms(m.Away), ms(m.Paused), m.Alerts); err != nil {
			return err
		}
		for kind, d := range m.Slouched {
			if d <= 0 {
				continue
			}
			if _, err := upSlouch.ExecContext(ctx, k, kind, ms(d)); err != nil {
				return err
			}
		}
	}
	for _, e := range events {
		if _, err := tx.ExecContext(ctx, "INSERT INTO events (at_ms, kind, detail) VALUES (?, ?, ?)",
			e.At.UnixMilli(), e.Kind, e.Detail); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// querier is what reads need from a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Minutes returns the stored minutes that start in [from, to), in order.
func (s *Store) Minutes(ctx context.Context, from, to time.Time) ([]Minute, error) {
	return readMinutes(ctx, s.db, from, to)
}

func readMinutes(ctx context.Context, db querier, from, to time.Time) ([]Minute, error) {
	a, b := minuteKey(from.Add(59*time.Second+999*time.Millisecond)), minuteKey(to.Add(59*time.Second+999*time.Millisecond))
	rows, err := db.QueryContext(ctx, `SELECT minute, upright_ms, away_ms, paused_ms, alerts
		FROM minutes WHERE minute >= ? AND minute < ? ORDER BY minute`, a, b)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []Minute
	index := map[int64]int{}
	for rows.Next() {
		var k, up, away, paused int64
		var alerts int
		if err := rows.Scan(&k, &up, &away, &paused, &alerts); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		index[k] = len(out)
		out = append(out, Minute{
			Start:   time.Unix(k*60, 0).UTC(),
			Upright: time.Duration(up) * time.Millisecond,
			Away:    time.Duration(away) * time.Millisecond,
			Paused:  time.Duration(paused) * time.Millisecond,
			Alerts:  alerts,
		})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	rows, err = db.QueryContext(ctx, `SELECT minute, kind, ms FROM minute_slouch WHERE minute >= ? AND minute < ?`, a, b)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v int64
		var kind string
		if err := rows.Scan(&k, &kind, &v); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		i, ok := index[k]
		if !ok {
			continue
		}
		if out[i].Slouched == nil {
			out[i].Slouched = map[string]time.Duration{}
		}
		out[i].Slouched[kind] += time.Duration(v) * time.Millisecond
	}
	return out, rows.Err()
}

// Events returns the stored events in [from, to), in order.
func (s *Store) Events(ctx context.Context, from, to time.Time) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at_ms, kind, detail FROM events
		WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id`, from.UnixMilli(), to.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var at int64
		var e Event
		if err := rows.Scan(&at, &e.Kind, &e.Detail); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		e.At = time.UnixMilli(at).UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}
