// Package history keeps Hunch's posture history: a small SQLite database in the
// user's data directory holding per-minute aggregates (seconds upright, slouched
// by kind, away and paused; alerts fired), events (alerts, snoozes, pauses,
// calibrations, breaks, stand-up reminders), and daily summaries kept for good.
//
// The posture engine feeds a Recorder with time-stamped spans and events; the
// Recorder writes each complete minute in one transaction. Reports (daily,
// weekly) and exports are computed from the store. No image is ever stored.
//
// The package is pure Go (modernc.org/sqlite), with the clock and the time zone
// injected so that day logic is tested at any date and in any zone.
package history
