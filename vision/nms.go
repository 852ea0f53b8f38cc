package vision

import (
	"math"
	"sort"

	"github.com/hunch-posture/hunch/monitor"
)

// weightedNMS merges overlapping candidates as MediaPipe does: each cluster of
// boxes overlapping the best one by more than minIoU becomes one face whose
// box and keypoints are the score-weighted mean, with the best score. It
// returns a new slice, best first; cands is reordered.
func weightedNMS(cands []monitor.Face, minIoU float64) []monitor.Face {
	if len(cands) == 0 {
		return nil
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].Score > cands[j].Score })
	used := make([]bool, len(cands))
	var out []monitor.Face
	for i := range cands {
		if used[i] {
			continue
		}
		var sum monitor.Face
		total := 0.0
		for j := i; j < len(cands); j++ {
			if used[j] || iou(cands[i].Box, cands[j].Box) < minIoU {
				continue
			}
			used[j] = true
			w := cands[j].Score
			total += w
			sum.Box.X += w * cands[j].Box.X
			sum.Box.Y += w * cands[j].Box.Y
			sum.Box.W += w * cands[j].Box.W
			sum.Box.H += w * cands[j].Box.H
			for k := range sum.Landmarks {
				sum.Landmarks[k].X += w * cands[j].Landmarks[k].X
				sum.Landmarks[k].Y += w * cands[j].Landmarks[k].Y
			}
		}
		f := monitor.Face{
			Box:          monitor.Rect{X: sum.Box.X / total, Y: sum.Box.Y / total, W: sum.Box.W / total, H: sum.Box.H / total},
			HasLandmarks: cands[i].HasLandmarks,
			Score:        cands[i].Score,
		}
		for k := range f.Landmarks {
			f.Landmarks[k] = monitor.Point{X: sum.Landmarks[k].X / total, Y: sum.Landmarks[k].Y / total}
		}
		out = append(out, f)
	}
	return out
}

// iou is the intersection over union of two boxes.
func iou(a, b monitor.Rect) float64 {
	ix := math.Min(a.X+a.W, b.X+b.W) - math.Max(a.X, b.X)
	iy := math.Min(a.Y+a.H, b.Y+b.H) - math.Max(a.Y, b.Y)
	if ix <= 0 || iy <= 0 {
		return 0
	}
	inter := ix * iy
	return inter / (a.Area() + b.Area() - inter)
}
