-- Daily summaries, kept for good: a local day is rolled up here before its
-- minute rows are pruned. report is the day's report as JSON (hours included);
-- the scalar columns are there for queries.
CREATE TABLE days (
	date         TEXT    PRIMARY KEY, -- local date, YYYY-MM-DD
	tz           TEXT    NOT NULL,    -- the zone the day was rolled up in
	monitored_ms INTEGER NOT NULL,
	upright_ms   INTEGER NOT NULL,
	slouched_ms  INTEGER NOT NULL,
	alerts       INTEGER NOT NULL,
	report       TEXT    NOT NULL
);

-- Small key/value facts about the store, such as when it was last pruned.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
