package monitor

import (
	"math"
	"sort"
)

// UserCost is how unlike the user's face at ref a face is: the distance
// between their centres in ref's heights, plus twice how far their sizes
// differ (as a log ratio). It is the one rule that says which face is the
// user: the vision side orders faces by it (the body is measured under the
// first), and a session picks the user by it.
func UserCost(f Face, ref Rect) float64 {
	h := math.Max(ref.H, 1)
	size := math.Max(math.Sqrt(ref.Area()), 1)
	c, rc := f.Box.Center(), ref.Center()
	return math.Hypot(c.X-rc.X, c.Y-rc.Y)/h + 2*math.Abs(math.Log(math.Max(math.Sqrt(f.Box.Area()), 1)/size))
}

// OrderByUser sorts faces by UserCost against ref, the most likely user first.
func OrderByUser(faces []Face, ref Rect) {
	sort.SliceStable(faces, func(i, j int) bool { return UserCost(faces[i], ref) < UserCost(faces[j], ref) })
}

// bodyOf says whether the observation's classical shoulder line was
// measured under face f: the vision side measures it below the first face.
func bodyOf(o Observation, f Face) bool {
	return len(o.Faces) > 0 && o.Faces[0].Box == f.Box
}
