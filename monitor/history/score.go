package history

import (
	"math"
	"time"
)

// MinScoredTime is the least upright-plus-slouched time a score needs; below
// it the score is undefined (null in JSON, "–" in text).
const MinScoredTime = 5 * time.Minute

// AlertPenalty is the points one alert per hour of present time costs.
const AlertPenalty = 3.0

// Score is the 0–100 posture score of a period:
//
//	score = clamp(round(100 × U/(U+S) − 3 × A/max(1 h, U+S)), 0, 100)
//
// where U is the time upright, S the time slouched (all kinds), and A the
// number of alerts; the alert term is alerts per hour of present time, an
// hour at least, so a short session is not sunk by a single alert. Away and
// paused time count neither way: being away is not bad posture, and a break
// is good for you. The score is undefined (ok false) when U+S is under
// MinScoredTime.
func Score(upright, slouched time.Duration, alerts int) (score int, ok bool) {
	present := upright + slouched
	if present < MinScoredTime {
		return 0, false
	}
	hours := math.Max(1, present.Hours())
	v := 100*float64(upright)/float64(present) - AlertPenalty*float64(alerts)/hours
	return int(math.Round(math.Max(0, math.Min(100, v)))), true
}

// uprightPct is U/(U+S) in percent, undefined with no present time.
func uprightPct(upright, slouched time.Duration) (float64, bool) {
	if upright+slouched <= 0 {
		return 0, false
	}
	return math.Round(1000*float64(upright)/float64(upright+slouched)) / 10, true
}
