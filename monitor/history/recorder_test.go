package history

import (
	"math"
	"math/rand"
	"testing"
	"time"
)

// TestAggregatesAlwaysSumToMonitoredTime feeds random spans of random
// postures, lengths and kinds, crossing minute and hour boundaries, and checks
// the day's totals, its kinds, and its hours against what went in.
func TestAggregatesAlwaysSumToMonitoredTime(t *testing.T) {
	loc := mustLoc(t, "Europe/Berlin")
	s := mustOpen(t, t.TempDir(), Options{Location: loc})
	rec := NewRecorder(s)
	rng := rand.New(rand.NewSource(3))
	postures := []string{Upright, Upright, Upright, Slouched, Away, Paused}
	kindsIn := []string{"leaning_in", "slumped", "hunched", "tilted", "out_of_frame"}
	want := map[string]time.Duration{}
	at := time.Date(2026, 6, 10, 7, 58, 0, 0, loc)
	alerts := 0
	for i := 0; i < 5000; i++ {
		d := time.Duration(1+rng.Intn(20000)) * time.Millisecond
		p, k := postures[rng.Intn(len(postures))], ""
		if p == Slouched {
			k = kindsIn[rng.Intn(len(kindsIn))]
			want[k] += d
		}
		want[p] += d
		if err := rec.AddSpan(at, d, p, k); err != nil {
			t.Fatal(err)
		}
		if rng.Intn(50) == 0 {
			rec.AddEvent(Event{At: at, Kind: EventAlert, Detail: k})
			alerts++
		}
		at = at.Add(d)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	r := mustDay(t, s, at)
	if r.UprightS != secs(want[Upright]) || r.SlouchedS != secs(want[Slouched]) || r.AwayS != secs(want[Away]) || r.PausedS != secs(want[Paused]) {
		t.Fatalf("day %v/%v/%v/%v s, want %v", r.UprightS, r.SlouchedS, r.AwayS, r.PausedS, want)
	}
	if r.MonitoredS != secs(want[Upright]+want[Slouched]+want[Away]) {
		t.Fatalf("monitored %v s, want upright+slouched+away", r.MonitoredS)
	}
	if r.Alerts != alerts {
		t.Fatalf("alerts %d, want %d", r.Alerts, alerts)
	}
	var byKind, hMon, hUp, hSl float64
	for _, k := range kindsIn {
		if r.SlouchedByKindS[k] != secs(want[k]) {
			t.Errorf("%s: %v s, want %v", k, r.SlouchedByKindS[k], want[k])
		}
		byKind += r.SlouchedByKindS[k]
	}
	hAlerts := 0
	for _, h := range r.Hours {
		hMon, hUp, hSl = hMon+h.MonitoredS, hUp+h.UprightS, hSl+h.SlouchedS
		hAlerts += h.Alerts
	}
	if secs(dur(byKind)) != r.SlouchedS || secs(dur(hMon)) != r.MonitoredS || secs(dur(hUp)) != r.UprightS ||
		secs(dur(hSl)) != r.SlouchedS || hAlerts != r.Alerts {
		t.Fatalf("kinds (%v) or hours (%v, %v, %v, %d alerts) do not add up to the day %+v", byKind, hMon, hUp, hSl, hAlerts, r)
	}
}

// TestAnalyzeRecordTotalsEqualTheSpans is what hunch analyze --record does:
// one span per analysed frame from --start, alerts as events, then Close.
func TestAnalyzeRecordTotalsEqualTheSpans(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{Location: time.UTC})
	rec := NewRecorder(s)
	start, _ := time.Parse(time.RFC3339, "2026-04-01T09:00:00Z")
	var up, sl, away float64
	frames := 0
	for sec := 0.0; sec < 3*3600; sec += 0.5 { // a 3-hour clip at 2 fps
		p, k := Upright, ""
		switch m := int(sec/60) % 30; {
		case m >= 20 && m < 23:
			p, k = Slouched, "slumped"
			sl += 0.5
		case m >= 23:
			p = Away
			away += 0.5
		default:
			up += 0.5
		}
		if sec < 5 {
			p, k = "calibrating", ""
			up -= 0.5
		}
		at := start.Add(time.Duration(sec * float64(time.Second)))
		if err := rec.AddSpan(at, 500*time.Millisecond, p, k); err != nil {
			t.Fatal(err)
		}
		if math.Mod(sec, 1800) == 20*60+20 { // 20 s into each slouch
			rec.AddEvent(Event{At: at, Kind: EventAlert, Detail: k})
		}
		frames++
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	r := mustDay(t, s, start)
	if r.UprightS != up || r.SlouchedS != sl || r.AwayS != away || r.MonitoredS != up+sl+away || r.Alerts != 6 {
		t.Fatalf("report %v/%v/%v (%v monitored, %d alerts), analyze summary %v/%v/%v, 6 alerts",
			r.UprightS, r.SlouchedS, r.AwayS, r.MonitoredS, r.Alerts, up, sl, away)
	}
	if r.PausedS != 5 {
		t.Fatalf("calibration counted as %v s paused, want 5", r.PausedS)
	}
	if r.Breaks != 6 {
		t.Fatalf("breaks = %d, want 6 (one 7-minute away stretch each half hour)", r.Breaks)
	}
}

func TestCompleteMinutesAreWrittenAsSoonAsTheyEnd(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{Location: time.UTC})
	rec := NewRecorder(s)
	start := time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 150; i++ { // 2.5 minutes of 1 s spans
		rec.AddSpan(start.Add(time.Duration(i)*time.Second), time.Second, Upright, "")
		switch i {
		case 30: // written with its minute, when the minute ends
			rec.AddEvent(Event{At: start.Add(30 * time.Second), Kind: EventSnooze})
		case 140: // in the minute in progress: written at Close
			rec.AddEvent(Event{At: start.Add(140 * time.Second), Kind: EventPause})
		}
	}
	ms, _ := s.Minutes(ctx, start, start.Add(time.Hour))
	if len(ms) != 2 || ms[0].Upright != time.Minute || ms[1].Upright != time.Minute {
		t.Fatalf("before Close: %d minutes stored (%+v), want the 2 complete ones", len(ms), ms)
	}
	ev, _ := s.Events(ctx, start, start.Add(time.Hour))
	if len(ev) != 1 || ev[0].Kind != EventSnooze {
		t.Fatalf("before Close: events %+v, want the snooze only", ev)
	}
	rec.Close()
	ms, _ = s.Minutes(ctx, start, start.Add(time.Hour))
	ev, _ = s.Events(ctx, start, start.Add(time.Hour))
	if len(ms) != 3 || ms[2].Upright != 30*time.Second || len(ev) != 2 {
		t.Fatalf("after Close: %+v, %+v", ms, ev)
	}
	// A restart that carries on in the same minute adds to it.
	rec = NewRecorder(s)
	rec.AddSpan(start.Add(150*time.Second), 10*time.Second, Slouched, "")
	rec.Close()
	ms, _ = s.Minutes(ctx, start, start.Add(time.Hour))
	if ms[2].Upright != 30*time.Second || ms[2].Slouched["unknown"] != 10*time.Second {
		t.Fatalf("minute after restart: %+v", ms[2])
	}
}

func TestUnknownPostureIsRefused(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{})
	if err := NewRecorder(s).AddSpan(time.Now(), time.Second, "sitting", ""); err == nil {
		t.Fatal("want an error for an unknown posture")
	}
}

func TestABookedFrameIsItsSpanAndItsAlertAndCalibrationIsPaused(t *testing.T) {
	s := mustOpen(t, t.TempDir(), Options{Location: time.UTC})
	defer s.Close()
	rec := NewRecorder(s)
	start := time.Date(2026, 5, 19, 9, 0, 0, 0, time.UTC)
	if err := rec.Book(start.Add(10*time.Second), 10*time.Second, "calibrating", "", false); err != nil {
		t.Fatal(err)
	}
	if err := rec.Book(start.Add(40*time.Second), 30*time.Second, Slouched, "leaning_in", true); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	d, err := s.Day(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	if d.PausedS != 10 || d.SlouchedS != 30 || d.Alerts != 1 || d.SlouchedByKindS["leaning_in"] != 30 {
		t.Errorf("booked: paused %v s, slouched %v s (%v), %d alerts; want 10 s paused (calibration), 30 s leaning in, 1 alert", d.PausedS, d.SlouchedS, d.SlouchedByKindS, d.Alerts)
	}
}
