package monitor

import "time"

// Settings are the user's choices about how patient Hunch is.
type Settings struct {
	Sensitivity Sensitivity
	// Onset is how long a slouch lasts before it alerts.
	Onset time.Duration
	// GlanceTolerance is how long the head may dip (a look at the keyboard)
	// before the state turns to slouched.
	GlanceTolerance time.Duration
	// Recovery is how long the user must sit well again to end a slouch.
	Recovery time.Duration
	// Repeat is the cooldown between alerts while one slouch goes on.
	Repeat time.Duration
	// AwayAfter is how long without the user before they count as away.
	AwayAfter time.Duration
	// Model is the fitted judgement of each frame.
	Model Model
}

// DefaultSettings are calm: a 20 s onset, glances up to 3 s ignored, and a
// reminder every 5 minutes while a slouch lasts.
func DefaultSettings() Settings {
	return Settings{
		Sensitivity:     Medium,
		Onset:           20 * time.Second,
		GlanceTolerance: 3 * time.Second,
		Recovery:        2 * time.Second,
		Repeat:          5 * time.Minute,
		AwayAfter:       5 * time.Second,
		Model:           DefaultModel(),
	}
}
