-- The first schema: per-minute aggregates and events.
-- A minute is keyed by its UTC start, in whole minutes since the Unix epoch.
-- Durations are integer milliseconds so sums are exact.
CREATE TABLE minutes (
	minute      INTEGER PRIMARY KEY,
	upright_ms  INTEGER NOT NULL DEFAULT 0,
	away_ms     INTEGER NOT NULL DEFAULT 0,
	paused_ms   INTEGER NOT NULL DEFAULT 0,
	alerts      INTEGER NOT NULL DEFAULT 0
);

-- Slouched time per minute and kind. The kind is free text ("leaning_in",
-- "slumped", "hunched", ...) so the engine can add kinds without a migration.
CREATE TABLE minute_slouch (
	minute INTEGER NOT NULL,
	kind   TEXT    NOT NULL,
	ms     INTEGER NOT NULL,
	PRIMARY KEY (minute, kind)
) WITHOUT ROWID;

-- Events: alerts, snoozes, pauses, calibrations, breaks, stand-up reminders.
-- at_ms is UTC milliseconds since the Unix epoch.
CREATE TABLE events (
	id     INTEGER PRIMARY KEY,
	at_ms  INTEGER NOT NULL,
	kind   TEXT    NOT NULL,
	detail TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX events_at ON events (at_ms);
