package monitor

import (
	"context"
	"io"
	"runtime"
	"testing"
	"time"
)

// dayPart is a stretch of a simulated working day.
type dayPart struct {
	d       time.Duration
	p       pose
	covered bool
}

// workingDay is eight hours at a desk: each hour mostly upright with
// glances at the keyboard, two slouches, a coffee, a few minutes with the
// lens covered in one hour; an hour away at lunch.
func workingDay() []dayPart {
	hunched := pose{chin: 0.5, neck: 0.5}
	min := func(n float64) time.Duration { return time.Duration(n * float64(time.Minute)) }
	var day []dayPart
	for h := 0; h < 8; h++ {
		if h == 4 {
			day = append(day, dayPart{d: min(60), p: empty})
			continue
		}
		for i := 0; i < 4; i++ { // 20 min upright with a glance every 5 min
			day = append(day, dayPart{d: min(5) - s(2), p: upright}, dayPart{d: s(2), p: glance})
		}
		day = append(day,
			dayPart{d: min(3), p: hunched},
			dayPart{d: min(15), p: upright},
			dayPart{d: min(6), p: empty}, // a coffee
			dayPart{d: min(8), p: upright},
			dayPart{d: min(2), p: leaning},
			dayPart{d: min(6), p: upright})
		if h == 2 {
			day[len(day)-1] = dayPart{d: min(6), covered: true}
		}
	}
	return day
}

// dayObserver replays a day at whatever rate it is set to.
type dayObserver struct {
	parts  []dayPart
	i      int
	t, end time.Duration // now, and the end of part i
	rate   float64
	frames int
}

func newDay(parts []dayPart, rate float64) *dayObserver {
	return &dayObserver{parts: parts, end: parts[0].d, rate: rate}
}

func (d *dayObserver) Observe(ctx context.Context) (Observation, error) {
	for d.t >= d.end {
		if d.i++; d.i == len(d.parts) {
			return Observation{}, io.EOF
		}
		d.end += d.parts[d.i].d
	}
	part := d.parts[d.i]
	o := part.p.observe(d.t)
	if part.covered {
		o = coveredAt(d.t)
	}
	d.t += time.Duration(float64(time.Second) / d.rate)
	d.frames++
	return o, nil
}

func (d *dayObserver) SetRate(fps float64) { d.rate = fps }
func (d *dayObserver) Close() error        { return nil }

func TestAdaptiveSamplingOverADayAnalysesFewerFramesAndMissesNoSlouch(t *testing.T) {
	day := workingDay()
	run := func(policy *SamplingPolicy) (*dayObserver, Tally) {
		src := newDay(day, 2)
		sess, err := Watch{Baseline: ptr(calibrated(t)), Settings: DefaultSettings(), Sampling: policy}.Run(context.Background(), src, func(Update) {})
		if err != nil {
			t.Fatal(err)
		}
		return src, sess.Tally()
	}
	fixed, ft := run(nil)
	p := DefaultSamplingPolicy()
	adaptive, at := run(&p)
	hours := fixed.t.Hours()
	t.Logf("%.1f h: fixed 2 fps %d frames (%.0f/h); adaptive %d frames (%.0f/h, %.0f%% fewer)",
		hours, fixed.frames, float64(fixed.frames)/hours, adaptive.frames, float64(adaptive.frames)/hours,
		100*(1-float64(adaptive.frames)/float64(fixed.frames)))
	t.Logf("fixed: upright %v slouched %v away %v alerts %d; adaptive: upright %v slouched %v away %v alerts %d",
		ft.Upright, ft.Slouched, ft.Away, ft.Alerts, at.Upright, at.Slouched, at.Away, at.Alerts)
	if adaptive.frames > fixed.frames*7/10 {
		t.Errorf("adaptive sampling analysed %d frames against %d at a fixed rate: want at least 30%% fewer", adaptive.frames, fixed.frames)
	}
	if at.Alerts != ft.Alerts {
		t.Errorf("adaptive sampling gave %d alerts, a fixed rate %d: no slouch may be missed", at.Alerts, ft.Alerts)
	}
	if d := at.Slouched - ft.Slouched; d > time.Minute || d < -time.Minute {
		t.Errorf("slouched time %v adaptive against %v fixed", at.Slouched, ft.Slouched)
	}
}

func ptr[T any](v T) *T { return &v }

// TestEightHoursAtTwoFramesASecondDoNotGrowTheHeap replays 57,600 frames
// through Watch, the session and the break reminders, and compares the live
// heap and the goroutines after the first hour with those at the end.
func TestEightHoursAtTwoFramesASecondDoNotGrowTheHeap(t *testing.T) {
	src := newDay(workingDay(), 2)
	breaks := NewBreaks(DefaultBreakSettings())
	var warm, end runtime.MemStats
	var warmG int
	measure := func(m *runtime.MemStats) {
		runtime.GC()
		runtime.ReadMemStats(m)
	}
	frames := 0
	_, err := Watch{Baseline: ptr(calibrated(t)), Settings: DefaultSettings()}.Run(context.Background(), src, func(u Update) {
		breaks.Step(u)
		if frames++; frames == 7200 {
			measure(&warm)
			warmG = runtime.NumGoroutine()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	measure(&end)
	growth := int64(end.HeapAlloc) - int64(warm.HeapAlloc)
	t.Logf("%d frames (%.1f h of input): live heap %d KB after the first hour, %d KB at the end (%+d KB); goroutines %d then %d",
		frames, src.t.Hours(), warm.HeapAlloc>>10, end.HeapAlloc>>10, growth>>10, warmG, runtime.NumGoroutine())
	if frames < 57600 {
		t.Errorf("%d frames, want at least 57,600 (8 h at 2 fps)", frames)
	}
	if growth > 256<<10 {
		t.Errorf("the live heap grew by %d KB over 7 hours", growth>>10)
	}
	if g := runtime.NumGoroutine(); g > warmG {
		t.Errorf("goroutines grew from %d to %d", warmG, g)
	}
}
