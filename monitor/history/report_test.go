package history

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// recordWholeDay records every second of the local day containing day as
// upright, minute by minute.
func recordWholeDay(t *testing.T, s *Store, day time.Time) {
	t.Helper()
	start, end := dayBounds(day, s.loc)
	rec := NewRecorder(s)
	for at := start; at.Before(end); at = at.Add(time.Minute) {
		if err := rec.AddSpan(at, time.Minute, Upright, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestADaylightSavingDaySumsToTheHoursItHad(t *testing.T) {
	loc := mustLoc(t, "Europe/London")
	s := mustOpen(t, t.TempDir(), Options{Location: loc, Retention: -1})
	cases := []struct {
		date  string
		hours int
		order []int // the local clock hours around the change
	}{
		{"2026-03-29", 23, []int{0, 2, 3}},    // 01:00 GMT → 02:00 BST
		{"2026-10-25", 25, []int{0, 1, 1, 2}}, // 02:00 BST → 01:00 GMT
		{"2026-06-01", 24, []int{0, 1, 2, 3}},
	}
	for _, c := range cases {
		day, _ := time.ParseInLocation(time.DateOnly, c.date, loc)
		recordWholeDay(t, s, day)
		r := mustDay(t, s, day.Add(13*time.Hour))
		want := float64(c.hours * 3600)
		if r.Date != c.date || r.LengthS != want || r.MonitoredS != want || r.UprightS != want || len(r.Hours) != c.hours {
			t.Errorf("%s: date %s, length %v s, monitored %v s, %d hours; want %d h", c.date, r.Date, r.LengthS, r.MonitoredS, len(r.Hours), c.hours)
			continue
		}
		for i, h := range c.order {
			if r.Hours[i].Hour != h || r.Hours[i].UprightS != 3600 {
				t.Errorf("%s: hour %d is %d:00 with %v s, want %d:00 with 3600 s", c.date, i, r.Hours[i].Hour, r.Hours[i].UprightS, h)
			}
		}
		if r.LongestUprightS != want {
			t.Errorf("%s: longest upright %v s, want the whole day", c.date, r.LongestUprightS)
		}
	}
}

func TestTheDayIsTheUsersLocalDay(t *testing.T) {
	tokyo := mustLoc(t, "Asia/Tokyo")
	s := mustOpen(t, t.TempDir(), Options{Location: tokyo})
	rec := NewRecorder(s)
	// 23:30 UTC on the 1st is 08:30 on the 2nd in Tokyo.
	rec.AddSpan(time.Date(2026, 5, 1, 23, 30, 0, 0, time.UTC), 10*time.Minute, Upright, "")
	rec.Close()
	if r := mustDay(t, s, time.Date(2026, 5, 2, 12, 0, 0, 0, tokyo)); r.UprightS != 600 || r.Hours[8].UprightS != 600 {
		t.Fatalf("Tokyo 2 May: %v s upright, 08:00 hour %v s", r.UprightS, r.Hours[8].UprightS)
	}
	if r := mustDay(t, s, time.Date(2026, 5, 1, 12, 0, 0, 0, tokyo)); r.MonitoredS != 0 || r.Score != nil || r.UprightPct != nil {
		t.Fatalf("Tokyo 1 May should be empty: %+v", r)
	}
}

// minutesOf writes a day from a picture: one letter a minute from 09:00 UTC.
// u upright, s slouched (hunched), a away, m upright with 20 s away, p paused,
// '.' not recorded.
func minutesOf(t *testing.T, s *Store, day time.Time, pic string) {
	t.Helper()
	var ms []Minute
	at := day.Add(9 * time.Hour)
	for _, c := range pic {
		m := Minute{Start: at}
		switch c {
		case 'u':
			m.Upright = time.Minute
		case 's':
			m.Slouched = map[string]time.Duration{"hunched": time.Minute}
		case 'a':
			m.Away = time.Minute
		case 'm':
			m.Upright, m.Away = 40*time.Second, 20*time.Second
		case 'p':
			m.Paused = time.Minute
		}
		if c != '.' {
			ms = append(ms, m)
		}
		at = at.Add(time.Minute)
	}
	if err := s.Write(ctx, ms, nil); err != nil {
		t.Fatal(err)
	}
}

func TestLongestUprightStreakAndBreaks(t *testing.T) {
	day := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		pic     string
		streakS float64
		breaks  int
	}{
		{"uuuuu", 300, 0},
		{"uuusuuuu", 240, 0},           // a slouched minute ends a streak
		{"uumuu", 280, 0},              // away seconds inside a minute neither break nor count
		{"uuuaauuu", 180, 0},           // a wholly away minute ends it
		{"uuu.uu", 180, 0},             // so does a minute not recorded
		{"uuupuu", 180, 0},             // and a paused one
		{"uaaaaauaaaauaaaaaaa", 60, 2}, // 5 and 7 away minutes are breaks, 4 is not
		{"aaaaa.aaaaa", 0, 2},
		{"sssss", 0, 0},
	}
	for _, c := range cases {
		s := mustOpen(t, t.TempDir(), Options{Location: time.UTC})
		minutesOf(t, s, day, c.pic)
		r := mustDay(t, s, day)
		if r.LongestUprightS != c.streakS || r.Breaks != c.breaks {
			t.Errorf("%q: streak %v s, %d breaks; want %v s, %d", c.pic, r.LongestUprightS, r.Breaks, c.streakS, c.breaks)
		}
	}
}

func TestScore(t *testing.T) {
	h := time.Hour
	cases := []struct {
		up, sl time.Duration
		alerts int
		want   int
		ok     bool
	}{
		{4 * time.Minute, 0, 0, 0, false}, // too little present time to judge
		{6 * h, 0, 0, 100, true},
		{6 * h, 2 * h, 0, 75, true},
		{6 * h, 2 * h, 8, 72, true},        // one alert an hour costs 3 points
		{10 * time.Minute, 0, 1, 97, true}, // alerts per hour, over an hour at least
		{0, 2 * h, 50, 0, true},            // clamped at 0
	}
	for _, c := range cases {
		got, ok := Score(c.up, c.sl, c.alerts)
		if got != c.want || ok != c.ok {
			t.Errorf("Score(%v, %v, %d) = %d, %v; want %d, %v", c.up, c.sl, c.alerts, got, ok, c.want, c.ok)
		}
	}
}

func TestDayReportJSONShape(t *testing.T) {
	day := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	s := mustOpen(t, t.TempDir(), Options{Location: time.UTC})
	minutesOf(t, s, day, "uuuuuuuuuusssaaa")
	b, err := json.Marshal(mustDay(t, s, day))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, k := range []string{"date", "monitored_s", "upright_s", "slouched_s", "away_s", "alerts", "longest_upright_s", "score", "hours",
		"paused_s", "upright_pct", "slouched_by_kind_s", "breaks", "timezone"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing from %s", k, b)
		}
	}
	if m["date"] != "2026-05-04" || m["monitored_s"] != 960.0 || m["upright_s"] != 600.0 || m["score"] != 77.0 {
		t.Errorf("values: %s", b)
	}
	hours := m["hours"].([]any)
	h9 := hours[9].(map[string]any)
	if len(hours) != 24 || h9["hour"] != 9.0 || h9["slouched_s"] != 180.0 {
		t.Errorf("hours: %v", hours[9])
	}
}

func TestWeekSideBySideWithTrendAndHours(t *testing.T) {
	loc := time.UTC
	s := mustOpen(t, t.TempDir(), Options{Location: loc})
	last := time.Date(2026, 5, 10, 0, 0, 0, 0, loc)
	for i := 0; i < 7; i++ {
		day := last.AddDate(0, 0, i-6)
		// Better each day: 4 slouched minutes fewer in the 09:00 hour; 10:00 is
		// always upright, 11:00 always slouched half the time.
		pic := strings.Repeat("u", 60-4*(6-i)) + strings.Repeat("s", 4*(6-i)) + // 09:00
			strings.Repeat("u", 60) + // 10:00
			strings.Repeat("us", 30) // 11:00
		minutesOf(t, s, day, pic)
	}
	w, err := s.Week(ctx, last.Add(15*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if w.From != "2026-05-04" || w.To != "2026-05-10" || len(w.Days) != 7 || w.Days[6].Date != "2026-05-10" {
		t.Fatalf("week %s..%s, %d days", w.From, w.To, len(w.Days))
	}
	if w.Trend != "improving" || w.TrendPerDay == nil || *w.TrendPerDay <= 1 {
		t.Fatalf("trend %q %v", w.Trend, w.TrendPerDay)
	}
	if len(w.BestHours) == 0 || w.BestHours[0].Hour != 10 || w.BestHours[0].UprightPct != 100 ||
		len(w.WorstHours) == 0 || w.WorstHours[0].Hour != 11 || w.WorstHours[0].UprightPct != 50 {
		t.Fatalf("best %+v, worst %+v", w.BestHours, w.WorstHours)
	}
	var mon float64
	for _, d := range w.Days {
		mon += d.MonitoredS
	}
	if w.MonitoredS != mon || w.MonitoredS != 7*3*3600 {
		t.Fatalf("week monitored %v, days %v", w.MonitoredS, mon)
	}
}

func TestRetentionRollsUpDaysAndPrunesMinutes(t *testing.T) {
	loc := mustLoc(t, "America/New_York")
	dir := t.TempDir()
	clk := &clock{time.Date(2026, 5, 20, 10, 0, 0, 0, loc)}
	s := mustOpen(t, dir, Options{Location: loc, Now: clk.Now, Retention: -1})
	days := map[int]DayReport{}
	for _, ago := range []int{200, 100, 91, 90, 89, 1} {
		day := time.Date(2026, 5, 20-ago, 0, 0, 0, 0, loc)
		minutesOf(t, s, day, "uuuuuuuuuusssaaam")
		s.Write(ctx, nil, []Event{{At: day.Add(9 * time.Hour), Kind: EventAlert, Detail: "hunched"}})
		days[ago] = mustDay(t, s, day)
	}
	s.Close()

	// Opening with the default 90 days prunes by itself.
	s = mustOpen(t, dir, Options{Location: loc, Now: clk.Now})
	count := func(q string) int {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("SELECT count(*) FROM days"); n != 3 {
		t.Fatalf("%d day summaries, want 3 (200, 100 and 91 days ago)", n)
	}
	cut := minuteKey(time.Date(2026, 5, 20-90, 0, 0, 0, 0, loc))
	if n := count("SELECT count(*) FROM minutes WHERE minute < " + itoa(cut)); n != 0 {
		t.Fatalf("%d minute rows older than 90 days remain", n)
	}
	if n := count("SELECT count(*) FROM minutes"); n != 3*17 {
		t.Fatalf("%d minute rows, want those of the last 3 days", n)
	}
	if n := count("SELECT count(*) FROM events"); n != 3 {
		t.Fatalf("%d events, want those of the last 3 days", n)
	}
	for ago, before := range days {
		after := mustDay(t, s, time.Date(2026, 5, 20-ago, 12, 0, 0, 0, loc))
		before.Source = after.Source
		bj, _ := json.Marshal(before)
		aj, _ := json.Marshal(after)
		if !bytes.Equal(bj, aj) {
			t.Errorf("%d days ago: report changed by pruning:\n%s\n%s", ago, bj, aj)
		}
		if want := map[bool]string{true: "summary", false: "minutes"}[ago > 90]; after.Source != want {
			t.Errorf("%d days ago: source %s, want %s", ago, after.Source, want)
		}
	}

	// Two days later the running recorder prunes again, once.
	rec := NewRecorder(s)
	clk.t = clk.t.Add(49 * time.Hour)
	rec.AddSpan(clk.t, 2*time.Minute, Upright, "")
	if n := count("SELECT count(*) FROM days"); n != 5 {
		t.Fatalf("%d day summaries after the recorder's daily prune, want 5", n)
	}
	rec.Close()
}

func TestExportCSVAndJSON(t *testing.T) {
	loc := time.UTC
	clk := &clock{time.Date(2026, 5, 20, 10, 0, 0, 0, loc)}
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{Location: loc, Now: clk.Now, Retention: -1})
	old := time.Date(2026, 1, 5, 0, 0, 0, 0, loc)
	recent := time.Date(2026, 5, 19, 0, 0, 0, 0, loc)
	minutesOf(t, s, old, "uus")
	minutesOf(t, s, recent, "ua")
	s.Write(ctx, []Minute{{Start: recent.Add(9*time.Hour + time.Minute), Slouched: map[string]time.Duration{"leaning_in": 5 * time.Second}}},
		[]Event{{At: recent.Add(9*time.Hour + 90*time.Second), Kind: EventAlert, Detail: "leaning_in, long"}})
	s.Close()
	s = mustOpen(t, dir, Options{Location: loc, Now: clk.Now})

	x, err := s.Export(ctx, old, recent)
	if err != nil {
		t.Fatal(err)
	}
	if x.From != "2026-01-05" || x.To != "2026-05-19" || len(x.Days) != 135 || len(x.Minutes) != 2 || len(x.Events) != 1 {
		t.Fatalf("export %s..%s: %d days, %d minutes, %d events", x.From, x.To, len(x.Days), len(x.Minutes), len(x.Events))
	}
	var buf bytes.Buffer
	if err := x.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	kinds := "slouched_leaning_in_s|slouched_slumped_s|slouched_hunched_s|slouched_tilted_s|slouched_out_of_frame_s|slouched_unknown_s"
	row := func(s string) []string { return strings.Split(s, "|") }
	want := [][]string{
		row("record|start_utc|start_local|length_s|monitored_s|upright_s|slouched_s|" + kinds + "|away_s|paused_s|alerts|event|detail"),
		row("day|2026-01-05T00:00:00Z|2026-01-05T00:00:00Z|86400|180|120|60|0|0|60|0|0|0|0|0|0||"),
		row("minute|2026-05-19T09:00:00Z|2026-05-19T09:00:00Z|60|60|60|0|0|0|0|0|0|0|0|0|0||"),
		row("minute|2026-05-19T09:01:00Z|2026-05-19T09:01:00Z|60|65|0|5|5|0|0|0|0|0|60|0|0||"),
		row("event|2026-05-19T09:01:30Z|2026-05-19T09:01:30Z||||||||||||||alert|leaning_in, long"),
	}
	if len(rows) != len(want) {
		t.Fatalf("csv rows:\n%v", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %v\nwant %v", i, rows[i], want[i])
		}
	}
	buf.Reset()
	x.WriteJSON(&buf)
	var back Export
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back.Days) != 135 || back.Events[0].Detail != "leaning_in, long" {
		t.Fatalf("json round trip: %v", err)
	}
}

// TestExportingEveryDayEverListsTheDaysOfTheHistory: a range from year 1 to
// year 9999 lists the days from the history's first record (a day kept only
// as its summary) to today, not three million empty days.
func TestExportingEveryDayEverListsTheDaysOfTheHistory(t *testing.T) {
	loc := time.UTC
	clk := &clock{time.Date(2026, 5, 20, 10, 0, 0, 0, loc)}
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{Location: loc, Now: clk.Now, Retention: -1})
	minutesOf(t, s, time.Date(2026, 1, 5, 0, 0, 0, 0, loc), "us")
	minutesOf(t, s, time.Date(2026, 5, 19, 0, 0, 0, 0, loc), "u")
	s.Close()
	s = mustOpen(t, dir, Options{Location: loc, Now: clk.Now}) // rolls 5 January up into its summary
	x, err := s.Export(ctx, time.Date(1, 1, 1, 0, 0, 0, 0, loc), time.Date(9999, 12, 31, 0, 0, 0, 0, loc))
	if err != nil {
		t.Fatal(err)
	}
	if x.From != "0001-01-01" || x.To != "9999-12-31" || len(x.Days) != 136 ||
		x.Days[0].Date != "2026-01-05" || x.Days[0].Source != "summary" || x.Days[135].Date != "2026-05-20" {
		t.Fatalf("export %s..%s: %d days", x.From, x.To, len(x.Days))
	}
	if x, err := s.Export(ctx, time.Date(2020, 1, 1, 0, 0, 0, 0, loc), time.Date(2020, 12, 31, 0, 0, 0, 0, loc)); err != nil || len(x.Days) != 0 {
		t.Errorf("a year before the history: %d days (%v), want none", len(x.Days), err)
	}
	empty := mustOpen(t, t.TempDir(), Options{Location: loc, Now: clk.Now})
	if x, err := empty.Export(ctx, time.Date(2026, 5, 1, 0, 0, 0, 0, loc), clk.t); err != nil || len(x.Days) != 0 {
		t.Errorf("an empty history: %d days (%v), want none", len(x.Days), err)
	}
}

func itoa(v int64) string { b, _ := json.Marshal(v); return string(b) }

func TestParseDay(t *testing.T) {
	loc := mustLoc(t, "Europe/London")
	now := time.Date(2026, 3, 30, 0, 30, 0, 0, loc) // just after a 23-hour day
	for in, want := range map[string]string{
		"today": "2026-03-30T00:00:00+01:00", "yesterday": "2026-03-29T00:00:00Z", "2026-10-25": "2026-10-25T00:00:00+01:00",
	} {
		got, err := ParseDay(in, now, loc)
		if err != nil || got.Format(time.RFC3339) != want {
			t.Errorf("ParseDay(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if _, err := ParseDay("30/03/2026", now, loc); err == nil {
		t.Error("want an error for 30/03/2026")
	}
}

func TestTheCSVHasTheSameColumnsWhateverTheData(t *testing.T) {
	header := func(pic string) string {
		clk := &clock{time.Date(2026, 5, 20, 10, 0, 0, 0, time.UTC)}
		s := mustOpen(t, t.TempDir(), Options{Location: time.UTC, Now: clk.Now})
		defer s.Close()
		day := time.Date(2026, 5, 19, 0, 0, 0, 0, time.UTC)
		minutesOf(t, s, day, pic)
		x, err := s.Export(ctx, day, day)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := x.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		first, _ := buf.ReadString('\n')
		return first
	}
	if upright, slouched := header("uuu"), header("uss"); upright != slouched {
		t.Errorf("a day without slouching has other columns:\n%s%s", upright, slouched)
	}
}
