package gui

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
)

// Reports is what the report window reads: the history store's report API.
type Reports interface {
	Day(ctx context.Context, day time.Time) (history.DayReport, error)
	Week(ctx context.Context, last time.Time) (history.WeekReport, error)
	Export(ctx context.Context, from, to time.Time) (history.Export, error)
}

// reportWindow shows one day: score, shares, slouches by kind, alerts,
// streak, breaks, an hour-by-hour chart and the last seven days.
type reportWindow struct {
	u       *UI
	w       fyne.Window
	day     time.Time
	now     func() time.Time
	title   *widget.Label
	prev    *widget.Button
	next    *widget.Button
	body    *fyne.Container
	csv     *widget.Button
	png     *widget.Button
	current history.DayReport
	shown   bool
}

// reloadToday reads an open report of today again. One of another day
// keeps its figures, but its Next follows the date: a report of today left
// open over midnight can step to the new day.
func (u *UI) reloadToday() {
	r := u.report
	if r == nil || !r.shown {
		return
	}
	if sameDay(r.day, r.now()) {
		r.load(r.day)
		return
	}
	r.next.Enable()
}

// reloadReport reads an open report again whatever its day: the history
// was deleted, and a day shown with its figures (and its exports) would
// still show what the user asked to be gone.
func (u *UI) reloadReport() {
	if r := u.report; r != nil && r.shown {
		r.load(r.day)
	}
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// ShowReport opens today's report (or brings it forward).
func (u *UI) ShowReport() {
	if u.report == nil {
		u.report = newReportWindow(u, time.Now)
	}
	u.report.show(u.report.now())
}

func newReportWindow(u *UI, now func() time.Time) *reportWindow {
	r := &reportWindow{u: u, w: u.newWindow("Hunch — Daily report"), now: now}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { r.show(r.day.AddDate(0, 0, -1)) })
	r.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { r.show(r.day.AddDate(0, 0, 1)) })
	r.csv = widget.NewButtonWithIcon("Export CSV…", theme.DownloadIcon(), func() { r.save("csv", r.exportCSV) })
	r.png = widget.NewButtonWithIcon("Export PNG…", theme.MediaPhotoIcon(), func() { r.save("png", r.exportPNG) })
	r.body = container.NewVBox()
	top := container.NewBorder(nil, nil, r.prev, r.next, r.title)
	bottom := container.NewHBox(layout.NewSpacer(), r.csv, r.png)
	r.w.SetContent(container.NewBorder(top, bottom, nil, nil, container.NewVScroll(r.body)))
	r.w.Resize(fyne.NewSize(740, 720))
	r.w.SetCloseIntercept(func() { r.shown = false; r.w.Hide() })
	return r
}

// show loads the day containing t and shows the window.
func (r *reportWindow) show(t time.Time) {
	r.load(t)
	r.shown = true
	r.w.Show()
}

// load reads and renders the day containing t.
func (r *reportWindow) load(t time.Time) {
	r.day = time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, t.Location())
	r.title.SetText(r.day.Format("Monday 2 January 2006"))
	if sameDay(r.day, r.now()) {
		r.next.Disable()
	} else {
		r.next.Enable()
	}
	r.body.RemoveAll()
	r.csv.Disable()
	r.png.Disable()
	if r.u.reports == nil {
		r.body.Add(widget.NewLabel("No history yet: Hunch records once it is calibrated."))
		return
	}
	ctx := context.Background()
	day, err := r.u.reports.Day(ctx, r.day)
	if err != nil {
		r.body.Add(widget.NewLabel("Cannot read the history: " + err.Error()))
		return
	}
	r.current = day
	if recorded(day) {
		r.csv.Enable()
		r.png.Enable()
	}
	week, err := r.u.reports.Week(ctx, r.day)
	for _, part := range reportParts(day, week, err) {
		r.body.Add(part)
	}
}

// recorded says whether Hunch watched (or was paused) at all that day.
func recorded(d history.DayReport) bool { return d.MonitoredS > 0 || d.PausedS > 0 }

// reportParts are the day's figures, its chart and, when read, its week; a
// day with nothing recorded says so instead of showing a perfect day.
func reportParts(day history.DayReport, week history.WeekReport, weekErr error) []fyne.CanvasObject {
	parts := []fyne.CanvasObject{widget.NewLabel("Nothing was recorded this day: Hunch was not watching.")}
	if recorded(day) {
		parts = []fyne.CanvasObject{daySummary(day), dayChart(day)}
	}
	if weekErr == nil {
		parts = append(parts, weekRow(week))
	}
	return parts
}

// bigFigure is a big number with a caption under it.
func bigFigure(value, label string) fyne.CanvasObject {
	v := canvas.NewText(value, theme.Color(theme.ColorNameForeground))
	v.TextSize = 24
	v.TextStyle.Bold = true
	v.Alignment = fyne.TextAlignCenter
	return container.NewVBox(v, caption(label, fyne.TextAlignCenter))
}

func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// daySummary is the day's figures and its slouches by kind.
func daySummary(d history.DayReport) fyne.CanvasObject {
	score, pct := "–", "–"
	if d.Score != nil {
		score = fmt.Sprintf("%d/100", *d.Score)
	}
	if d.UprightPct != nil {
		pct = fmt.Sprintf("%.0f%%", *d.UprightPct)
	}
	figures := container.NewGridWithColumns(6,
		bigFigure(score, "score"), bigFigure(pct, "upright"),
		bigFigure(monitor.FormatSpan(secs(d.SlouchedS)), "slouched"), bigFigure(fmt.Sprint(d.Alerts), "alerts"),
		bigFigure(monitor.FormatSpan(secs(d.LongestUprightS)), "longest upright"), bigFigure(fmt.Sprint(d.Breaks), "breaks"))
	kinds := make([]string, 0, len(d.SlouchedByKindS))
	for k := range d.SlouchedByKindS {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return d.SlouchedByKindS[kinds[i]] > d.SlouchedByKindS[kinds[j]] })
	var lines []string
	for _, k := range kinds {
		lines = append(lines, fmt.Sprintf("%s: %s", monitor.SlouchKind(k).Describe(), monitor.FormatSpan(secs(d.SlouchedByKindS[k]))))
	}
	if len(lines) == 0 {
		lines = append(lines, "No slouching recorded.")
	}
	byKind := widget.NewLabel(strings.Join(lines, "\n"))
	return container.NewVBox(figures, widget.NewSeparator(),
		widget.NewLabelWithStyle("Slouched time by kind", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), byKind)
}

// dayChart is the hour-by-hour chart with its legend and hour marks.
func dayChart(d history.DayReport) fyne.CanvasObject {
	img := canvas.NewImageFromImage(DayChart(d, 720, 160))
	img.FillMode = canvas.ImageFillStretch
	img.ScaleMode = canvas.ImageScalePixels
	img.SetMinSize(fyne.NewSize(660, 140))
	marks := container.NewGridWithColumns(8)
	for h := 0; h < 24; h += 3 {
		marks.Add(caption(fmt.Sprintf("%02d:00", h), fyne.TextAlignLeading))
	}
	legend := container.NewHBox(swatch(chartUpright, "upright"), swatch(chartSlouched, "slouched"), swatch(chartAway, "away"))
	return container.NewVBox(widget.NewLabelWithStyle("Hour by hour", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		img, marks, legend)
}

// swatch is a legend entry: a coloured square and a name.
func swatch(c color.Color, name string) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewHBox(container.NewCenter(r), widget.NewLabel(name))
}

// weekRow is the last seven days: weekday, a bar of upright against
// slouched, and the upright share.
func weekRow(w history.WeekReport) fyne.CanvasObject {
	row := container.NewGridWithColumns(len(w.Days))
	for _, d := range w.Days {
		day, _ := time.Parse("2006-01-02", d.Date)
		bar := canvas.NewImageFromImage(DayBar(d, 80, 10))
		bar.FillMode = canvas.ImageFillStretch
		bar.ScaleMode = canvas.ImageScalePixels
		bar.SetMinSize(fyne.NewSize(60, 10))
		pct := "–"
		if d.UprightPct != nil {
			pct = fmt.Sprintf("%.0f%%", *d.UprightPct)
		}
		row.Add(container.NewVBox(widget.NewLabelWithStyle(day.Format("Mon 2"), fyne.TextAlignCenter, fyne.TextStyle{}),
			bar, widget.NewLabelWithStyle(pct, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})))
	}
	return container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("Last 7 days", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), row)
}

// save asks where to save and writes the export there.
func (r *reportWindow) save(ext string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err == nil && wc != nil {
			err = writeWhole(wc, write)
		}
		if err != nil {
			dialog.ShowError(err, r.w)
		}
	}, r.w)
	d.SetFileName("hunch-" + r.day.Format("2006-01-02") + "." + ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + ext}))
	d.Show()
}

// writeWhole makes an export in memory, then writes it to wc and closes it.
// A file that could not be written whole is removed: no half-written export
// is left behind, and the error says what went wrong.
func writeWhole(wc fyne.URIWriteCloser, write func(io.Writer) error) error {
	var buf bytes.Buffer
	err := write(&buf)
	if err == nil {
		_, err = wc.Write(buf.Bytes())
	}
	if cerr := wc.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("save %s: %w", wc.URI().Path(), cerr)
	}
	if err == nil {
		return nil
	}
	if rerr := storage.Delete(wc.URI()); rerr != nil {
		return fmt.Errorf("%w (the unfinished %s could not be removed: %v)", err, wc.URI().Path(), rerr)
	}
	return err
}

// exportCSV writes the shown day's minutes and events as CSV.
func (r *reportWindow) exportCSV(w io.Writer) error {
	if r.u.reports == nil {
		return fmt.Errorf("export: no history yet")
	}
	start := time.Date(r.day.Year(), r.day.Month(), r.day.Day(), 0, 0, 0, 0, r.day.Location())
	x, err := r.u.reports.Export(context.Background(), start, start.AddDate(0, 0, 1))
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return x.WriteCSV(w)
}

// exportPNG writes a picture of the day's report, drawn anew by Fyne's
// software painter (a GL window capture comes out blank on some desktops).
func (r *reportWindow) exportPNG(w io.Writer) error {
	if r.u.reports == nil {
		return fmt.Errorf("export picture: no history yet")
	}
	ctx := context.Background()
	day, err := r.u.reports.Day(ctx, r.day)
	if err != nil {
		return fmt.Errorf("export picture: %w", err)
	}
	week, weekErr := r.u.reports.Week(ctx, r.day)
	title := widget.NewLabelWithStyle(r.day.Format("Monday 2 January 2006"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	content := container.NewPadded(container.NewVBox(append([]fyne.CanvasObject{title}, reportParts(day, week, weekErr)...)...))
	c := software.NewCanvas()
	c.SetContent(content)
	size := content.MinSize()
	c.Resize(fyne.NewSize(max(size.Width, 740), size.Height))
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Capture()); err != nil {
		return fmt.Errorf("export picture: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}
