package monitor

import "context"

// Observer yields one Observation per analysed frame. The vision package's
// pipeline is the real one; tests use recorded or synthetic sequences.
// Observe returns io.EOF at the normal end of a recording.
type Observer interface {
	Observe(ctx context.Context) (Observation, error)
	Close() error
}
