// Package monitor owns Hunch's posture logic: calibration against the user's own
// upright posture, per-frame features and classification, the posture state over
// time (onset delays, hysteresis, cooldowns), and the accounting of a session.
//
// It is pure Go with an injected clock. It never sees pixels: the vision package
// turns frames into Observations, and everything here works on those plain values,
// so every rule can be tested on synthetic sequences in milliseconds.
package monitor
