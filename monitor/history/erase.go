package history

import (
	"context"
	"fmt"
)

// Erase deletes all recorded history: every minute, event and daily summary,
// in one transaction. It then checkpoints the write-ahead log and vacuums the
// database, so the deleted rows are gone from the files on disk too, not only
// from the tables. The store stays open and records on; a Recorder's pending
// minutes would be written after the erase: erase through Recorder.Erase.
func (s *Store) Erase(ctx context.Context) error {
	if s.readOnly {
		return fmt.Errorf("erase history %s: opened read-only", s.path)
	}
	if err := s.erase(ctx); err != nil {
		return &WriteError{Path: s.path, Err: fmt.Errorf("erase: %w", err)}
	}
	return nil
}

func (s *Store) erase(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, table := range []string{"minutes", "minute_slouch", "events", "days"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
