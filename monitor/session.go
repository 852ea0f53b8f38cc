package monitor

import (
	"math"
	"time"
)

// Update is what the monitor decided about one analysed frame.
type Update struct {
	At        time.Duration
	FaceFound bool
	// Face is the user's face when found.
	Face Face
	// Posture and Kind are this frame's own judgement; Score how far towards
	// a slouch (0..1).
	Posture Posture
	Kind    SlouchKind
	Score   float64
	// State and StateKind are the calm judgement over time that alerts and
	// accounting follow.
	State     Posture
	StateKind SlouchKind
	// Alert is true on the frame an alert fires.
	Alert bool
	// Span is the stretch of time this frame accounts for in the tally (from
	// the previous frame), booked to State.
	Span time.Duration
	// SlouchFor is how long the current slouch has lasted (0 when upright).
	SlouchFor time.Duration
	// SetupChanged is set while the picture no longer matches the
	// calibration (the camera or chair was moved): recalibrate. Until then
	// the face's place in the picture is no evidence (see withoutPlace).
	SetupChanged bool
	// SceneShift is how different the background looks from calibration
	// (0 the same, 1 unrelated).
	SceneShift float64
	// CameraCovered is set while the picture is dark and flat (a covered
	// lens, black frames): nobody can be seen, which is not "away". The
	// state is held, no time is booked and no alert fires.
	CameraCovered bool
	Features      Features
}

// Session follows one user from a baseline, frame by frame.
type Session struct {
	classifier Classifier
	tracker    *tracker
	setup      *setupWatch
	cover      coverWatch
	tally      Tally
	last       Judgement
	prevAt     time.Duration
	lastFace   *Face
	lastFaceAt time.Duration
}

// NewSession starts following the user described by b; start is the input
// time at which monitoring begins (the end of calibration).
func NewSession(b Baseline, set Settings, start time.Duration) *Session {
	return &Session{
		classifier: Classifier{Model: set.Model, Sensitivity: set.Sensitivity, Baseline: b},
		tracker:    newTracker(set, start),
		setup:      newSetupWatch(b),
		prevAt:     start,
	}
}

// Step judges one observation and advances the state.
func (s *Session) Step(o Observation) Update {
	if s.cover.step(o) {
		return s.coveredUpdate(o)
	}
	face := s.pickUser(o.Faces)
	ft := Measure(o, face, s.classifier.Baseline)
	changed := s.setup.step(o, face, ft)
	if changed { // judge by what a moved camera leaves alone
		ft = ft.withoutPlace()
	}
	j := s.classifier.Classify(ft, s.last.Posture == Slouched)
	if face == nil && s.userStillThere(o) {
		j = Judgement{Posture: Slouched, Kind: OutOfFrame, Score: 1}
	}
	alert := s.tracker.step(o.At, j)
	u := Update{At: o.At, FaceFound: face != nil, Posture: j.Posture, Kind: j.Kind, Score: j.Score,
		State: s.tracker.state, StateKind: s.tracker.kind, Alert: alert, SetupChanged: changed, SceneShift: s.setup.last, Features: ft}
	if face != nil {
		u.Face = *face
		s.lastFace, s.lastFaceAt = face, o.At
	}
	if u.State == Slouched {
		u.SlouchFor = o.At - s.tracker.slouchStart
	}
	u.Span = min(max(o.At-s.prevAt, 0), 5*time.Second)
	s.tally.add(u.State, u.StateKind, u.Span, alert)
	s.prevAt, s.last = o.At, j
	return u
}

// useSlouchSample judges from now on against the user's slouch sample too;
// the time spent sampling (up to end) is not booked.
func (s *Session) useSlouchSample(sample Features, end time.Duration) {
	s.classifier.Baseline.SlouchSample = &sample
	s.prevAt = end
}

// Tally is the accounting so far.
func (s *Session) Tally() Tally { return s.tally }

// Baseline is the calibration this session compares against.
func (s *Session) Baseline() Baseline { return s.classifier.Baseline }

// pickUser chooses, among the faces seen, the one nearest where the user
// was last seen (or calibrated) and closest to their size.
func (s *Session) pickUser(faces []Face) *Face {
	ref := s.classifier.Baseline.Face
	if s.lastFace != nil {
		ref = s.lastFace.Box
	}
	var best *Face
	bestCost := math.Inf(1)
	for i := range faces {
		if cost := UserCost(faces[i], ref); cost < bestCost {
			best, bestCost = &faces[i], cost
		}
	}
	return best
}

// userStillThere tells a face that left the picture from an empty chair: a
// face at the edge a moment ago, or a body filling the bottom of the picture.
func (s *Session) userStillThere(o Observation) bool {
	if personPresent(o, nil) {
		return true
	}
	return s.lastFace != nil && o.At-s.lastFaceAt < leftThroughEdge && atEdge(s.lastFace.Box, o.PictureArea())
}

// leftThroughEdge is how long a face last seen at the picture's edge keeps
// the user there without a body in the picture: leaning out of view to
// reach for something takes a few seconds; after that, with no body seen,
// they may as well have left.
const leftThroughEdge = 3 * time.Second

// withoutPlace drops what a moved camera changes: where the face is in the
// picture against where it was calibrated. Its size, the chin, the neck gap
// and the head's roll still tell a slouch, so one that lasts still alerts
// (holding every alert until the user recalibrates left a real slouch that
// came with a moved camera unannounced). Roll is kept: a camera is seldom
// rolled, while a head on one side is a common slouch.
func (ft Features) withoutPlace() Features {
	ft.HeadDrop, ft.HeadShift, ft.placeUnjudged = 0, 0, true
	return ft
}
