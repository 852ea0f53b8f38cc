package clips

import "time"

// Segment kinds a script is made of.
const (
	Upright     = "upright"      // the base frame as it is
	LeaningIn   = "leaning_in"   // zoomed in about the face
	Slumped     = "slumped"      // shifted down, slightly smaller
	Hunched     = "hunched"      // shifted down and slightly larger
	HeadOnSide  = "head_on_side" // rolled 25° and shifted sideways: resting on an elbow
	HeadForward = "head_forward" // the head alone sinks onto the shoulders, the neck shortens
	SlidDown    = "slid_down"    // the whole picture 0.93x about the face and 15% of its height lower
	Glance      = "glance"       // upright with a brief head-down glance in the middle
	TurnAside   = "turn_aside"   // a slight sideways shift and roll, still upright
	Away        = "away"         // nobody there
	SecondFace  = "second_face"  // upright with a smaller second face elsewhere
)

// Postures in Truth, as `hunch analyze --json` reports them.
const (
	PostureUpright  = "upright"
	PostureSlouched = "slouched"
	PostureAway     = "away"
)

// Segment is one stretch of a clip.
type Segment struct {
	Kind    string
	Seconds float64
}

// Truth is what a frame of a generated clip shows.
type Truth struct {
	// At is the frame's time in the clip.
	At time.Duration
	// Posture is "upright", "slouched" or "away".
	Posture string
	// Kind is the segment kind; for a slouch, the slouch kind.
	Kind string
	// Transition is true within a ramp between segments, where the truth is in between.
	Transition bool
}

// Options add realism to a generated clip. The zero value is a clean clip.
type Options struct {
	// Jitter is the standard deviation of random per-frame shifts, in pixels.
	Jitter float64
	// Noise is the standard deviation of sensor noise, in grey levels.
	Noise float64
	// Lighting is the amplitude of a slow gain change (0.2 = ±20%).
	Lighting float64
	// Ramp is the length of transitions between segments (default 0.5 s).
	Ramp time.Duration
	// Seed makes jitter and noise repeatable.
	Seed int64
}

// posture is the truth of a segment kind.
func posture(kind string) string {
	switch kind {
	case LeaningIn, Slumped, Hunched, HeadOnSide, HeadForward, SlidDown:
		return PostureSlouched
	case Away:
		return PostureAway
	}
	return PostureUpright
}

// pose is how the base frame is transformed, relative to the face.
type pose struct {
	zoom  float64 // scale about the face centre
	dx    float64 // shift right, in face widths
	dy    float64 // shift down, in face heights
	angle float64 // roll in degrees
}

// target is the pose a segment kind settles in.
func target(kind string) pose {
	switch kind {
	case LeaningIn:
		return pose{zoom: 1.3, dy: 0.1}
	case Slumped:
		return pose{zoom: 0.92, dy: 0.55}
	case Hunched:
		return pose{zoom: 1.12, dy: 0.4}
	case TurnAside:
		return pose{zoom: 1, dx: 0.3, angle: 6}
	case HeadOnSide:
		return pose{zoom: 1, dx: 0.3, angle: 25}
	case HeadForward:
		return pose{zoom: 1.05, dy: 0.35}
	case SlidDown:
		return pose{zoom: 0.93} // and down by slidDownDrop of the picture (see Generate)
	}
	return pose{zoom: 1}
}

// slidDownDrop is how far a slid-down user's picture moves down, as a
// fraction of the picture's height: the reproduction of a user who
// slid down in the chair.
const slidDownDrop = 0.15

// mix is the pose a fraction f of the way from a to b.
func mix(a, b pose, f float64) pose {
	return pose{
		zoom:  a.zoom + (b.zoom-a.zoom)*f,
		dx:    a.dx + (b.dx-a.dx)*f,
		dy:    a.dy + (b.dy-a.dy)*f,
		angle: a.angle + (b.angle-a.angle)*f,
	}
}
