//go:build !front

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/vision/clips"
)

// panelConfig is xfce4-panel's settings for the test (relative to this
// package): one panel holding only the status tray.
const panelConfig = "../../scripts/tray-panel.xml"

// startPanel starts a real xfce4-panel with its status tray, configured in
// dir, waits until the app's own check finds its tray (a tray that is only
// starting is no tray to an app that looks for one then), and stops it when
// the test ends.
func startPanel(t *testing.T, dir string) {
	t.Helper()
	conf := filepath.Join(dir, "xfce4", "xfconf", "xfce-perchannel-xml")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	xml, err := os.ReadFile(panelConfig)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conf, "xfce4-panel.xml"), xml, 0o644); err != nil {
		t.Fatal(err)
	}
	// xfconfd, which serves the panel its settings, is started by the bus.
	if out, err := exec.Command("dbus-update-activation-environment", "XDG_CONFIG_HOME="+dir).CombinedOutput(); err != nil {
		t.Fatalf("dbus-update-activation-environment: %v %s", err, out)
	}
	panel := exec.Command("xfce4-panel", "--disable-wm-check")
	panel.Env = append(os.Environ(), "XDG_CONFIG_HOME="+dir)
	var log lines
	panel.Stdout, panel.Stderr = &log, &log
	if err := panel.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		exec.Command("xfce4-panel", "--quit").Run()
		time.Sleep(300 * time.Millisecond)
		panel.Process.Kill()
		panel.Wait()
	})
	if !waitFor(30*time.Second, func() bool { ok, _ := desktop.TrayRunning(); return ok }) {
		t.Fatalf("xfce4-panel's status tray never answered as a tray on the bus:\n%s", log.String())
	}
}

// trayItems lists the StatusNotifierItems the tray has taken in.
func trayItems(bus *dbus.Conn) []string {
	v, err := bus.Object("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher").GetProperty("org.kde.StatusNotifierWatcher.RegisteredStatusNotifierItems")
	if err != nil {
		return nil
	}
	items, _ := v.Value().([]string)
	return items
}

// trayItem is one StatusNotifierItem and its menu, as the tray sees them.
type trayItem struct {
	bus  *dbus.Conn
	item dbus.BusObject
	menu dbus.BusObject
}

// itemOf finds the item registered as reg ("service/path" or a service).
func itemOf(t *testing.T, bus *dbus.Conn, reg string) trayItem {
	t.Helper()
	service, path := reg, "/StatusNotifierItem"
	if i := strings.Index(reg, "/"); i > 0 {
		service, path = reg[:i], reg[i:]
	}
	item := bus.Object(service, dbus.ObjectPath(path))
	v, err := item.GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		t.Fatalf("the tray item has no menu: %v", err)
	}
	return trayItem{bus: bus, item: item, menu: bus.Object(service, v.Value().(dbus.ObjectPath))}
}

// menuLayout is com.canonical.dbusmenu's (id, properties, children).
type menuLayout struct {
	ID       int32
	Props    map[string]dbus.Variant
	Children []dbus.Variant
}

// labels maps the menu's item labels to their ids.
func (ti trayItem) labels(t *testing.T) map[string]int32 {
	t.Helper()
	var revision uint32
	var root menuLayout
	if err := ti.menu.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{"label"}).Store(&revision, &root); err != nil {
		t.Fatalf("read the tray menu: %v", err)
	}
	out := map[string]int32{}
	var walk func(menuLayout)
	walk = func(m menuLayout) {
		if l, ok := m.Props["label"].Value().(string); ok {
			out[l] = m.ID
		}
		for _, c := range m.Children {
			var child menuLayout
			if err := dbus.Store([]interface{}{c.Value()}, &child); err == nil {
				walk(child)
			}
		}
	}
	walk(root)
	return out
}

// click clicks the menu item labelled label, as the tray does.
func (ti trayItem) click(t *testing.T, label string) {
	t.Helper()
	id, ok := ti.labels(t)[label]
	if !ok {
		t.Fatalf("no %q in the tray menu: %v", label, ti.labels(t))
	}
	if err := ti.menu.Call("com.canonical.dbusmenu.Event", 0, id, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix())).Err; err != nil {
		t.Fatalf("click %q: %v", label, err)
	}
}

// icon is the item's icon as pixels (what the tray draws).
func (ti trayItem) icon() string {
	v, err := ti.item.GetProperty("org.kde.StatusNotifierItem.IconPixmap")
	if err != nil {
		return ""
	}
	return v.String()
}

// startCalibratedHunch starts the real app on a generated upright clip with
// a profile made from it, on the test desktop's session bus, with the tray
// host started first when trayFirst. No window opens at start but what the
// app itself shows (appEnv's report is left out), so that a window can only
// come from the tray's menu. It skips without a test desktop.
func startCalibratedHunch(t *testing.T, seed int64, trayFirst bool) (*dbus.Conn, *runningApp, string) {
	t.Helper()
	if os.Getenv("HUNCH_TEST_DESKTOP") != "1" {
		t.Skip("needs a desktop (Xvfb, a D-Bus session): run it with scripts/with-desktop.sh go test, as make test does")
	}
	desktopTools(t, "go", "xfce4-panel", "dbus-update-activation-environment", "xdotool", "import")
	bus, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bus.Close() })
	if len(trayItems(bus)) > 0 || windowID("^Hunch$") != "" {
		t.Fatal("a tray or a Hunch window is already up: the test needs its own desktop")
	}
	tmp := t.TempDir()
	bin := buildHunch(t, tmp)
	clip, _ := generatedClip(t, 5, []clips.Segment{{Kind: clips.Upright, Seconds: 120}}, clips.Options{Seed: seed})
	profile := filepath.Join(tmp, "profile.json")
	if b, err := exec.Command(bin, "calibrate", "--input", clip, "--out", profile).CombinedOutput(); err != nil {
		t.Fatalf("calibrate: %v %s", err, b)
	}
	if trayFirst {
		startPanel(t, filepath.Join(tmp, "panel"))
	}
	app := exec.Command(bin, "--input", clip, "--profile", profile, "--data-dir", filepath.Join(tmp, "history"))
	app.Env = slices.DeleteFunc(appEnv(filepath.Join(tmp, "home")), func(kv string) bool { return strings.HasPrefix(kv, openEnv+"=") })
	return bus, startApp(t, app), tmp
}

// The tray starts after Hunch, as at login: Hunch, which began in its status
// window, moves into it; the icon's menu pauses (and the icon changes),
// opens the report and the calibration screen, and quits.
func TestHunchMovesIntoATrayThatStartsLater(t *testing.T) {
	bus, run, tmp := startCalibratedHunch(t, 5, false)
	out := run.out
	if !waitFor(30*time.Second, func() bool { return windowID("^Hunch$") != "" }) {
		t.Fatalf("with no tray, the status window did not show:\n%s", out.String())
	}

	startPanel(t, filepath.Join(tmp, "panel"))
	var items []string
	if !waitFor(30*time.Second, func() bool { items = trayItems(bus); return len(items) > 0 }) {
		t.Fatalf("Hunch never registered with the tray that started after it:\n%s", out.String())
	}
	if !waitFor(10*time.Second, func() bool { return windowID("^Hunch$") == "" }) {
		t.Error("the status window stayed open after Hunch moved into the tray")
	}
	ti := itemOf(t, bus, items[0])
	labels := ti.labels(t)
	for _, want := range []string{"Snooze alerts for 30 min", "Pause for 15 min", "Calibrate…", "Today's report…", "Show status window", "Quit Hunch"} {
		if _, ok := labels[want]; !ok {
			t.Errorf("the tray menu lacks %q: %v", want, labels)
		}
	}
	if shots, err := filepath.Abs(screenshotDir); err == nil && os.MkdirAll(shots, 0o755) == nil {
		time.Sleep(time.Second) // the panel draws the new icon
		path := filepath.Join(shots, "tray-panel.png")
		if b, err := exec.Command("import", "-window", "root", "-crop", "1280x32+0+0", path).CombinedOutput(); err != nil {
			t.Errorf("screenshot of the panel: %v %s", err, b)
		}
	}

	before := ti.icon()
	ti.click(t, "Pause for 15 min")

	if !waitFor(10*time.Second, func() bool { return ti.icon() != before }) {
		t.Errorf("the tray icon did not change when Hunch was paused from its menu; menu %v; app:\n%s", ti.labels(t), out.String())
	}
	if !waitFor(10*time.Second, func() bool { _, ok := ti.labels(t)["Paused"]; return ok }) {
		t.Errorf("the tray menu does not say Paused after Pause: %v", ti.labels(t))
	}
	if windowID("Daily report$") != "" {
		t.Fatal("a report window is open before the menu asked for one")
	}
	ti.click(t, "Today's report…")
	if !waitFor(10*time.Second, func() bool { return windowID("Daily report$") != "" }) {
		t.Error("Today's report… in the tray menu opened no report window")
	}
	ti.click(t, "Calibrate…")
	if !waitFor(10*time.Second, func() bool { return windowID("Calibrate$") != "" }) {
		t.Error("Calibrate… in the tray menu opened no calibration screen")
	}
	ti.click(t, "Quit Hunch")
	if ended, err := run.exit(15 * time.Second); !ended {
		t.Fatalf("Quit in the tray menu did not end Hunch:\n%s", out.String())
	} else if err != nil {
		t.Fatalf("Quit from the tray: hunch exited with %v:\n%s", err, out.String())
	}
}

// TestHunchStartedInATrayAnswersItsMenuWithNoWindowShown: with the tray up
// first and a calibrated user, Hunch shows no window and Fyne's loop rests
// (issue 12); the menu must still work then, its clicks and the icon going
// through the rested loop.
func TestHunchStartedInATrayAnswersItsMenuWithNoWindowShown(t *testing.T) {
	bus, run, _ := startCalibratedHunch(t, 6, true)
	out := run.out
	var items []string
	if !waitFor(30*time.Second, func() bool { items = trayItems(bus); return len(items) > 0 }) {
		t.Fatalf("Hunch did not register with the tray:\n%s", out.String())
	}
	ti := itemOf(t, bus, items[0])
	if !waitFor(30*time.Second, func() bool { _, ok := ti.labels(t)["Sitting upright"]; return ok }) {
		t.Errorf("the tray menu never said the user sits upright: %v\n%s", ti.labels(t), out.String())
	}
	if id := windowID("^Hunch"); id != "" {
		t.Errorf("a calibrated user in a tray got a window at start (%s)", id)
	}
	ti.click(t, "Snooze alerts for 30 min")
	if !waitFor(10*time.Second, func() bool { return hasLabelWith(ti.labels(t), "end snooze") }) {
		t.Errorf("the tray menu does not offer to end the snooze after Snooze: %v", ti.labels(t))
	}
	before := ti.icon()
	ti.click(t, "Pause for 15 min")
	if !waitFor(10*time.Second, func() bool { return ti.icon() != before }) {
		t.Errorf("the tray icon did not change on Pause with no window shown:\n%s", out.String())
	}
	ti.click(t, "Quit Hunch")
	if ended, err := run.exit(15 * time.Second); !ended {
		t.Fatalf("Quit in the tray menu with no window shown did not end Hunch:\n%s", out.String())
	} else if err != nil {
		t.Fatalf("Quit from the tray: hunch exited with %v:\n%s", err, out.String())
	}
}

// hasLabelWith says whether a menu item's label contains part.
func hasLabelWith(labels map[string]int32, part string) bool {
	for l := range labels {
		if strings.Contains(l, part) {
			return true
		}
	}
	return false
}
