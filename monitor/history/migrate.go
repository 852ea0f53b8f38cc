package history

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations are the schema's steps in order; the schema version recorded in
// PRAGMA user_version is the number of steps applied.
var migrations = func() []string {
	names, err := migrationFS.ReadDir("migrations")
	if err != nil {
		panic(err)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	var out []string
	for _, n := range names {
		b, err := migrationFS.ReadFile("migrations/" + n.Name())
		if err != nil {
			panic(err)
		}
		out = append(out, string(b))
	}
	return out
}()

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

// migrate applies the migrations after the database's recorded version, up to
// and including step upTo, in one transaction with the version update. A
// history already at upTo is only read: no write lock, so a reader (hunch
// report) never waits for the app's writes.
func migrate(ctx context.Context, db *sql.DB, upTo int) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v == upTo {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("the history was written by a newer Hunch (schema %d, this one knows %d); update Hunch", v, len(migrations))
	}
	if v >= upTo {
		return nil
	}
	for i := v; i < upTo; i++ {
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", upTo)); err != nil {
		return err
	}
	return tx.Commit()
}
