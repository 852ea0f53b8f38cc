package monitor

// Posture is what Hunch sees the user doing at one moment.
type Posture string

// The postures. Calibrating is only reported before a baseline exists.
const (
	Calibrating Posture = "calibrating"
	Upright     Posture = "upright"
	Slouched    Posture = "slouched"
	Away        Posture = "away"
)

// SlouchKind says how the user is slouching, so that an alert can say what to do.
type SlouchKind string

// The kinds of slouch Hunch tells apart.
const (
	NoSlouch SlouchKind = ""
	// LeaningIn: the head moved towards the screen (the face grows).
	LeaningIn SlouchKind = "leaning_in"
	// Slumped: the whole body sank in the chair (the face drops, often shrinks).
	Slumped SlouchKind = "slumped"
	// Hunched: the head dropped forward onto a rounded back (the neck shortens,
	// the chin goes down).
	Hunched SlouchKind = "hunched"
	// Tilted: the head rests on one side, often on a propped elbow.
	Tilted SlouchKind = "tilted"
	// OutOfFrame: the user is there but so close or so low that the face has
	// left the picture.
	OutOfFrame SlouchKind = "out_of_frame"
)

// Advice is the one-line correction for a kind of slouch.
func (k SlouchKind) Advice() string {
	switch k {
	case LeaningIn:
		return "sit back, shoulders back and down"
	case Slumped:
		return "sit up tall, hips to the back of the chair"
	case Hunched:
		return "lift your chest, chin back, shoulders down"
	case Tilted:
		return "level your head, both feet on the floor"
	case OutOfFrame:
		return "sit back from the screen"
	}
	return "sit back, shoulders back and down"
}

// Describe names a kind of slouch as a person would.
func (k SlouchKind) Describe() string {
	switch k {
	case LeaningIn:
		return "Leaning towards the screen"
	case Slumped:
		return "Slumped down in the chair"
	case Hunched:
		return "Hunched forward"
	case Tilted:
		return "Head tilted to one side"
	case OutOfFrame:
		return "Too close to the screen"
	}
	return "Slouching"
}
