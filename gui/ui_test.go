package gui

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/monitor"
)

func TestTheStatusWindowShowsTheSlouchAndWhatToDo(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.UseTray(false, "No system tray on this desktop, so Hunch lives in this window.")
	u.Apply(Status{Mode: ModeSlouching, Kind: monitor.LeaningIn, SlouchFor: 25 * time.Second, UprightPct: 81, HasToday: true, Source: "camera 0"})
	c := u.statusWindow().w.Canvas()
	if got := u.statusWindow().headline.Text; got != "Leaning towards the screen for 25 s" {
		t.Errorf("headline %q", got)
	}
	if !u.statusWindow().note.Visible() {
		t.Error("without a tray the window must say why it is there")
	}
	test.AssertRendersToMarkup(t, "status_slouching.xml", c)
	test.AssertRendersToImage(t, "status_slouching.png", c)
}

func TestPausingFromTheTrayMenuForwardsTheIntent(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.Apply(Status{Mode: ModeUpright, UprightPct: 90, HasToday: true})
	m := u.trayMenu()
	labels := []string{}
	for _, it := range m.Items {
		labels = append(labels, it.Label)
	}
	want := "Sitting upright|Today: 90% upright||Snooze alerts for 30 min|Pause for 15 min|Pause for 1 h|Pause until tomorrow|Resume||Calibrate…|Today's report…|Settings…|Show status window||Quit Hunch"
	if got := strings.Join(labels, "|"); got != want {
		t.Errorf("tray menu\n got %s\nwant %s", got, want)
	}
	m.Items[3].Action()
	if in.last() != "snooze 30m0s" {
		t.Errorf("Snooze forwarded %q", in.last())
	}
	m.Items[4].Action()
	if in.last() != "pause 15m0s" {
		t.Errorf("Pause for 15 min forwarded %q", in.last())
	}
	m.Items[6].Action()
	if in.last() != "pause until tomorrow" {
		t.Errorf("Pause until tomorrow forwarded %q", in.last())
	}
	if !m.Items[7].Disabled {
		t.Error("Resume should be disabled while not paused")
	}
	u.Apply(Status{Mode: ModePaused, Note: "Paused until 15:45"})
	if u.trayMenu().Items[7].Disabled {
		t.Error("Resume should be enabled while paused")
	}
	if u.statusWindow().pause.Visible() || !u.statusWindow().resume.Visible() {
		t.Error("the status window should offer Resume, not Pause, while paused")
	}
	test.Tap(u.statusWindow().resume)
	if in.last() != "resume" {
		t.Errorf("Resume forwarded %q", in.last())
	}
}

func TestEachModeHasItsOwnIcon(t *testing.T) {
	seen := map[string]Mode{}
	for _, m := range []Mode{ModeNeedsCalibration, ModeUpright, ModeSlouching, ModeAway, ModePaused} {
		c := string(Icon(m).Content())
		if other, dup := seen[c]; dup {
			t.Errorf("%s and %s share an icon", m, other)
		}
		seen[c] = m
		img, err := png.Decode(bytes.NewReader(Icon(m).Content()))
		if err != nil || img.Bounds().Dx() != iconSize {
			t.Errorf("%s icon: %v", m, err)
		}
		test.AssertImageMatches(t, "icon_"+strings.ReplaceAll(strings.ToLower(m.String()), " ", "_")+".png", img)
	}
}

func TestAnAlertGoesToTheDesktopWhenAServiceAnswers(t *testing.T) {
	n := &notifier{}
	u, in := newUI(t, nil, n)
	u.Apply(AlertEvent{Alert: monitor.SlouchAlert(monitor.LeaningIn, 25*time.Second), Mode: ModeSlouching, Snooze: true})
	if len(n.sent) != 1 || n.sent[0].Body != "Leaning towards the screen for 25 s — sit back, shoulders back and down" {
		t.Fatalf("sent %+v", n.sent)
	}
	if n.icons[0] != ModeSlouching {
		t.Errorf("a slouch alert went out with the %v icon, want the slouching figure", n.icons[0])
	}
	if windowTitled(u.app, "Hunch — Sit up") != nil {
		t.Error("the app's own alert window opened although the notification went out")
	}
	if n.snoozes[0] == nil {
		t.Fatal("the slouch notification offers no snooze")
	}
	n.snoozes[0]() // the user presses the notification's button
	if in.last() != "snooze 15m0s" {
		t.Errorf("the notification's snooze forwarded %q", in.last())
	}
	// A stand-up reminder that comes while the user slouches shows the
	// slouching figure, and no snooze.
	u.Apply(AlertEvent{Alert: monitor.Alert{Title: "Time to stand up"}, Mode: ModeSlouching})
	if len(n.snoozes) != 2 || n.snoozes[1] != nil {
		t.Error("a stand-up reminder offers the slouch alerts' snooze")
	}
}

func TestWithoutANotificationServiceTheAppShowsItsOwnAlert(t *testing.T) {
	u, in := newUI(t, nil, &notifier{down: true})
	u.Apply(AlertEvent{Alert: monitor.SlouchAlert(monitor.Slumped, 40*time.Second), Mode: ModeSlouching, Snooze: true})
	w := windowTitled(u.app, "Hunch — Sit up")
	if w == nil {
		t.Fatal("no alert window when notifications failed")
	}
	test.AssertRendersToMarkup(t, "alert_window.xml", w.Canvas())
	snooze := findButton(w.Content(), "Snooze 15 min")
	if snooze == nil {
		t.Fatal("the alert window has no snooze")
	}
	test.Tap(snooze)
	if in.last() != "snooze 15m0s" {
		t.Errorf("snooze forwarded %q", in.last())
	}
	u.Apply(AlertEvent{Alert: monitor.Alert{Title: "Time to stand up"}, Mode: ModeSlouching})
	w = windowTitled(u.app, "Hunch — Time to stand up")
	if w == nil {
		t.Fatal("no window for a stand-up reminder when notifications failed")
	}
	if findButton(w.Content(), "Snooze 15 min") != nil || findButton(w.Content(), "OK") == nil {
		t.Error("the stand-up reminder's window offers the slouch alerts' snooze, or no OK")
	}
}

func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, c := range test.LaidOutObjects(o) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

func TestSettingsPersistAndApplyAtOnce(t *testing.T) {
	u, in := newUI(t, nil, nil)
	u.ShowSettings()
	var sens *widget.RadioGroup
	for _, o := range test.LaidOutObjects(u.settings.Content()) {
		if r, ok := o.(*widget.RadioGroup); ok {
			sens = r
		}
	}
	if sens == nil || sens.Selected != "medium" {
		t.Fatalf("sensitivity radio %+v", sens)
	}
	sens.SetSelected("high")
	if len(in.settings) != 1 || in.settings[0].Sensitivity != monitor.High {
		t.Fatalf("applied %+v", in.settings)
	}
	if got := LoadPrefs(u.app.Preferences()); got.Sensitivity != monitor.High || got.Onset != 20*time.Second {
		t.Errorf("saved prefs %+v", got)
	}
	test.AssertRendersToMarkup(t, "settings.xml", u.settings.Canvas())
}

func TestTheCameraIsChosenByName(t *testing.T) {
	test.NewTempApp(t)
	var picked []int
	cams := []desktop.Camera{{Index: 0, Name: "Integrated Camera"}, {Index: 2, Name: "USB Webcam"}}
	s := cameraChoice(cams, 4, func(i int) { picked = append(picked, i) })
	want := []string{"Integrated Camera (0)", "USB Webcam (2)", "Camera 4"}
	if strings.Join(s.Options, "|") != strings.Join(want, "|") || s.Selected != "Camera 4" {
		t.Fatalf("options %q selected %q: the chosen camera, unplugged, must stay listed and selected", s.Options, s.Selected)
	}
	s.SetSelected("USB Webcam (2)")
	if len(picked) != 1 || picked[0] != 2 {
		t.Errorf("picking the USB webcam chose %v, want camera 2", picked)
	}
}

func TestQuitIsInTheTrayMenuAndTheStatusWindow(t *testing.T) {
	u, in := newUI(t, nil, nil)
	m := u.trayMenu()
	last := m.Items[len(m.Items)-1]
	if last.Label != "Quit Hunch" || !last.IsQuit {
		t.Fatalf("the tray menu ends with %q (quit %v), want Quit Hunch", last.Label, last.IsQuit)
	}
	last.Action()
	if in.last() != "quit" {
		t.Errorf("Quit Hunch forwarded %v", in.calls)
	}
	if b := findButton(u.statusWindow().w.Content(), "Quit"); b == nil {
		t.Fatal("the status window has no Quit button")
	} else {
		test.Tap(b)
		if in.last() != "quit" {
			t.Errorf("the Quit button forwarded %v", in.calls)
		}
	}
}

func TestASnoozeSaysUntilWhenAndCanBeEnded(t *testing.T) {
	u, in := newUI(t, nil, nil)
	until := time.Date(2026, 12, 4, 15, 30, 0, 0, time.Local)
	u.Apply(Status{Mode: ModeUpright, SnoozedUntil: until})
	s := u.statusWindow()
	if !s.snoozed.Visible() || s.snoozed.Text != "Alerts snoozed until 15:30" || !s.unsnooze.Visible() {
		t.Fatalf("snoozed: label %q (shown %v), end button shown %v", s.snoozed.Text, s.snoozed.Visible(), s.unsnooze.Visible())
	}
	test.Tap(s.unsnooze)
	if in.last() != "end snooze" {
		t.Errorf("End snooze forwarded %v", in.calls)
	}
	if first := u.pauseItems()[0]; first.Label != "Alerts snoozed until 15:30: end snooze" {
		t.Errorf("the tray offers %q while snoozed", first.Label)
	}
	u.Apply(Status{Mode: ModeUpright})
	if s.snoozed.Visible() || s.unsnooze.Visible() || u.pauseItems()[0].Label != "Snooze alerts for 30 min" {
		t.Error("the snooze is still shown after it ended")
	}
}

func TestTheDesktopNotifierHasAnIconForEveryState(t *testing.T) {
	n, err := NewDesktopNotifier(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	up, slouch := n.IconPaths[ModeUpright], n.IconPaths[ModeSlouching]
	if up == "" || slouch == "" || up == slouch {
		t.Fatalf("icon files: upright %q, slouching %q", up, slouch)
	}
	for _, p := range []string{up, slouch} {
		if data, err := os.ReadFile(p); err != nil || !bytes.HasPrefix(data, []byte("\x89PNG")) {
			t.Errorf("%s is not a PNG: %v", p, err)
		}
	}
}

// TestTheStatusWindowsPauseOffersEveryPause: where there is no tray the
// status window is all there is, so its Pause… offers what the tray's menu
// does: the snooze and every pause, until tomorrow included.
func TestTheStatusWindowsPauseOffersEveryPause(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.UseTray(false, "No system tray on this desktop, so Hunch lives in this window.")
	u.Apply(Status{Mode: ModeUpright})
	test.Tap(u.statusWindow().pause)
	var shown []string
	for _, o := range test.LaidOutObjects(u.statusWindow().w.Canvas().Overlays().Top()) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			shown = append(shown, t.Text)
		}
	}
	want := "Snooze alerts for 30 min|Pause for 15 min|Pause for 1 h|Pause until tomorrow"
	if got := strings.Join(shown, "|"); got != want {
		t.Errorf("the status window's Pause… offers\n %s\nwant\n %s", got, want)
	}
}

// TestTheAppsOwnAlertPlaysTheSoundWhenAskedFor: where Hunch shows the alert
// itself (no notification service, or one that failed), the sound the user
// chose plays too; not otherwise.
func TestTheAppsOwnAlertPlaysTheSoundWhenAskedFor(t *testing.T) {
	for _, c := range []struct {
		n     Notifier
		sound bool
		beeps int
	}{{nil, true, 1}, {&notifier{down: true}, true, 1}, {&notifier{down: true}, false, 0}, {&notifier{}, true, 0}} {
		u, _ := newUI(t, nil, c.n)
		beeps := 0
		u.beep = func() { beeps++ }
		u.Apply(AlertEvent{Alert: monitor.SlouchAlert(monitor.Slumped, 40*time.Second), Mode: ModeSlouching, Sound: c.sound})
		if beeps != c.beeps {
			t.Errorf("notifier %v, sound %v: %d beeps from Hunch, want %d (a notification plays its own)", c.n != nil, c.sound, beeps, c.beeps)
		}
	}
}

// TestAnAlertOnlyHeardIsNotShown: with desktop notifications off and the
// sound on, an alert plays Hunch's sound and neither sends a notification
// nor opens a window.
func TestAnAlertOnlyHeardIsNotShown(t *testing.T) {
	for _, n := range []*notifier{nil, {}, {down: true}} {
		var nf Notifier
		if n != nil {
			nf = n
		}
		u, _ := newUI(t, nil, nf)
		beeps := 0
		u.beep = func() { beeps++ }
		u.Apply(AlertEvent{Alert: monitor.SlouchAlert(monitor.Slumped, 40*time.Second), Mode: ModeSlouching, Snooze: true, Sound: true, SoundOnly: true})
		if beeps != 1 {
			t.Errorf("notifier %v: %d beeps, want 1", n != nil, beeps)
		}
		if n != nil && len(n.sent) != 0 {
			t.Errorf("a notification went out though notifications are off: %+v", n.sent)
		}
		if windowTitled(u.app, "Hunch — Sit up") != nil {
			t.Error("the alert window opened though notifications are off")
		}
	}
}

// A day in the tray builds no status window (laying it out loads Fyne's
// fonts, about 17 MB); asked for, it shows the status the tray shows.
func TestTheStatusWindowIsBuiltOnlyWhenAskedFor(t *testing.T) {
	u, _ := newUI(t, nil, nil)
	u.tray = &fakeTray{}
	u.Apply(Status{Mode: ModeSlouching, Kind: monitor.LeaningIn, SlouchFor: 25 * time.Second})
	if u.win != nil {
		t.Fatal("the status window was built though only the tray is shown")
	}
	u.ShowStatus()
	if got := u.win.headline.Text; got != "Leaning towards the screen for 25 s" {
		t.Errorf("the status window, first shown, says %q", got)
	}
}
