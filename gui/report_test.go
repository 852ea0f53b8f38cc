package gui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hunch-posture/hunch/monitor/history"
)

func TestTheReportShowsTheDayAndStepsBetweenDays(t *testing.T) {
	s := storeWithDays(t)
	u, _ := newUI(t, s, nil)
	u.report = newReportWindow(u, func() time.Time { return march14 })
	u.report.show(march14)
	r := u.report
	if r.title.Text != "Friday 14 March 2025" || r.current.Date != "2025-03-14" {
		t.Fatalf("shows %q (%s)", r.title.Text, r.current.Date)
	}
	if !r.next.Disabled() {
		t.Error("there is no tomorrow to step to")
	}
	test.AssertRendersToMarkup(t, "report_march14.xml", r.w.Canvas())
	test.AssertRendersToImage(t, "report_march14.png", r.w.Canvas())

	test.Tap(r.prev)
	if r.title.Text != "Thursday 13 March 2025" || r.current.Date != "2025-03-13" || r.next.Disabled() {
		t.Errorf("after Previous: %q (%s), next disabled %v", r.title.Text, r.current.Date, r.next.Disabled())
	}
	test.Tap(r.prev)
	if r.current.Date != "2025-03-12" || r.current.UprightPct != nil {
		t.Errorf("a day without records: %+v", r.current)
	}
	test.Tap(r.next)
	test.Tap(r.next)
	if r.current.Date != "2025-03-14" || !r.next.Disabled() {
		t.Errorf("back to today: %s, next disabled %v", r.current.Date, r.next.Disabled())
	}
}

func TestAnOpenReportOfTodayIsReadAgainWhenTheHistoryChanges(t *testing.T) {
	s := storeWithDays(t)
	u, _ := newUI(t, s, nil)
	u.report = newReportWindow(u, func() time.Time { return march14 })
	u.report.show(march14)
	before := u.report.current.Alerts
	ev := []history.Event{{At: march14.Add(-time.Minute), Kind: history.EventAlert, Detail: "slumped"}}
	if err := s.Write(context.Background(), []history.Minute{{Start: march14.Add(-time.Minute), Alerts: 1,
		Slouched: map[string]time.Duration{"slumped": 40 * time.Second}}}, ev); err != nil {
		t.Fatal(err)
	}
	u.Apply(HistoryChanged{})
	if got := u.report.current.Alerts; got != before+1 {
		t.Errorf("alerts after the history changed: %d, want %d", got, before+1)
	}
}

func TestTheReportExportsAPictureOfItself(t *testing.T) {
	s := storeWithDays(t)
	u, _ := newUI(t, s, nil)
	u.report = newReportWindow(u, func() time.Time { return march14 })
	u.report.show(march14)
	var buf bytes.Buffer
	if err := u.report.exportPNG(&buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 400 || b.Dy() < 300 {
		t.Fatalf("picture %v: too small for the report", b)
	}
	// A real picture, not a blank one: many colours (text, bars, background).
	colours := map[color.Color]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			colours[img.At(x, y)] = true
		}
	}
	if len(colours) < 20 {
		t.Errorf("the exported picture has %d colours: blank", len(colours))
	}
}

func TestADayWithNothingRecordedSaysSoAndHasNothingToExport(t *testing.T) {
	s := storeWithDays(t)
	u, _ := newUI(t, s, nil)
	u.report = newReportWindow(u, func() time.Time { return march14 })
	r := u.report
	r.show(march14.AddDate(0, 0, -2)) // the 12th: nothing recorded
	text := ""
	for _, o := range test.LaidOutObjects(r.body) {
		if l, ok := o.(*widget.Label); ok {
			text += l.Text + "\n"
		}
	}
	if !strings.Contains(text, "Nothing was recorded") || strings.Contains(text, "No slouching recorded") {
		t.Errorf("an empty day reads:\n%s", text)
	}
	if !r.csv.Disabled() || !r.png.Disabled() {
		t.Error("an empty day can be exported")
	}
	r.show(march14)
	if r.csv.Disabled() || r.png.Disabled() {
		t.Error("a recorded day cannot be exported")
	}
}

func TestAnExportThatFailsLeavesNoFileBehind(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	save := func(name string, write func(io.Writer) error) (string, error) {
		uri := storage.NewFileURI(filepath.Join(dir, name))
		wc, err := storage.Writer(uri)
		if err != nil {
			t.Fatal(err)
		}
		return uri.Path(), writeWhole(wc, write)
	}
	path, err := save("broken.csv", func(w io.Writer) error {
		fmt.Fprintln(w, "minute,upright") // the first rows, then the history fails
		return errors.New("export: database is locked")
	})
	if err == nil || !strings.Contains(err.Error(), "database is locked") {
		t.Errorf("error %v, want the export's own", err)
	}
	if _, serr := os.Stat(path); !os.IsNotExist(serr) {
		t.Errorf("a failed export left %s behind (%v)", path, serr)
	}
	path, err = save("day.csv", func(w io.Writer) error { _, err := fmt.Fprintln(w, "minute,upright"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "minute,upright\n" {
		t.Errorf("saved %q (%v)", b, err)
	}
}

// TestAReportOfAnotherDayIsReadAgainWhenTheHistoryIsDeleted: a past day on
// the screen loses its figures and its exports with the history.
func TestAReportOfAnotherDayIsReadAgainWhenTheHistoryIsDeleted(t *testing.T) {
	s := storeWithDays(t)
	u, _ := newUI(t, s, nil)
	u.report = newReportWindow(u, func() time.Time { return march14 })
	u.report.show(march14.AddDate(0, 0, -1))
	if !recorded(u.report.current) || u.report.csv.Disabled() {
		t.Fatal("March 13 shows nothing before the history is deleted")
	}
	if err := s.Erase(context.Background()); err != nil { // what the engine's DeleteHistory does
		t.Fatal(err)
	}
	u.ShowSettings()
	test.Tap(findButton(u.settings.Content(), "Delete all history…"))
	test.Tap(findButton(u.settings.Canvas().Overlays().Top(), "Yes"))
	if recorded(u.report.current) || !u.report.csv.Disabled() {
		t.Errorf("after the history was deleted, March 13 still shows %v s monitored (exports on: %v)", u.report.current.MonitoredS, !u.report.csv.Disabled())
	}
}

// TestAReportLeftOpenOverMidnightCanStepToTheNewDay: Next, off while the
// report was of today, comes on once that day is over.
func TestAReportLeftOpenOverMidnightCanStepToTheNewDay(t *testing.T) {
	u, _ := newUI(t, storeWithDays(t), nil)
	now := march14
	u.report = newReportWindow(u, func() time.Time { return now })
	u.report.show(now)
	if !u.report.next.Disabled() {
		t.Fatal("Next is offered on today's report")
	}
	now = time.Date(2025, 3, 15, 0, 1, 0, 0, time.UTC)
	u.Apply(HistoryChanged{})
	if u.report.next.Disabled() {
		t.Error("after midnight the report of March 14 cannot step to March 15")
	}
}
