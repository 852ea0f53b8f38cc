package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// Prune applies the retention: every local day that ends before the cutoff
// (local midnight, Retention before now) is rolled up into the days table,
// unless it already has a summary there, and its minute rows and events are
// deleted, all in one transaction. Daily summaries are kept for good. Open
// prunes, and a Recorder prunes once a day; a negative Retention keeps
// everything.
func (s *Store) Prune(ctx context.Context) error {
	if s.retention < 0 || s.readOnly {
		return nil
	}
	cutoff, _ := dayBounds(s.now().Add(-s.retention), s.loc)
	if err := s.prune(ctx, cutoff); err != nil {
		return &WriteError{Path: s.path, Err: fmt.Errorf("prune: %w", err)}
	}
	return nil
}

func (s *Store) prune(ctx context.Context, cutoff time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	cut := minuteKey(cutoff)
	var next sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT min(minute) FROM minutes WHERE minute < ?", cut).Scan(&next); err != nil {
		return err
	}
	for next.Valid {
		start, end := dayBounds(time.Unix(next.Int64*60, 0), s.loc)
		if end.After(cutoff) {
			// Only after a change of zone: keep this day's minutes whole.
			cut = minuteKey(start)
			break
		}
		minutes, err := readMinutes(ctx, tx, start, end)
		if err != nil {
			return err
		}
		if len(minutes) > 0 {
			r := dayReport(minutes, start, end)
			blob, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO days (date, tz, monitored_ms, upright_ms, slouched_ms, alerts, report)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (date) DO NOTHING`,
				r.Date, r.Timezone, msOf(r.MonitoredS), msOf(r.UprightS), msOf(r.SlouchedS), r.Alerts, string(blob)); err != nil {
				return err
			}
		}
		if err := tx.QueryRowContext(ctx, "SELECT min(minute) FROM minutes WHERE minute >= ? AND minute < ?",
			minuteKey(end), cut).Scan(&next); err != nil {
			return err
		}
	}
	for _, q := range []string{
		"DELETE FROM minutes WHERE minute < ?",
		"DELETE FROM minute_slouch WHERE minute < ?",
	} {
		if _, err := tx.ExecContext(ctx, q, cut); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE at_ms < ?", cutoff.UnixMilli()); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('last_prune', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		s.now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

func msOf(seconds float64) int64 { return int64(math.Round(seconds * 1000)) }
