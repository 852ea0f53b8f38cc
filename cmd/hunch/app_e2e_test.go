//go:build !front

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision/clips"
)

// screenshotDir is where the end-to-end test leaves pictures of the windows,
// relative to this package: out/screenshots at the repository's root.
const screenshotDir = "../../out/screenshots"

// appScript is a user who sits upright while Hunch calibrates, then leans
// towards the screen long enough to be alerted, then sits back. The upright
// stretch leaves room for a slow start (the race detector on a busy
// machine): the recording plays from the app's start, and a calibration
// that ran into the lean would take the lean for upright.
var appScript = []clips.Segment{
	{Kind: clips.Upright, Seconds: 22},
	{Kind: clips.LeaningIn, Seconds: 14},
	{Kind: clips.Upright, Seconds: 4},
}

// lines collects a process's output lines as they come.
type lines struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// runningApp is the real hunch binary started by a test.
type runningApp struct {
	out    *lines
	exited chan error
	waited bool
}

// startApp starts cmd with its output collected; when the test ends it is
// killed, unless exit saw it end.
func startApp(t *testing.T, cmd *exec.Cmd) *runningApp {
	t.Helper()
	r := &runningApp{out: &lines{}, exited: make(chan error, 1)}
	cmd.Stdout, cmd.Stderr = r.out, r.out
	cmd.WaitDelay = 5 * time.Second // a child left holding the output must not hang the test
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { r.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if !r.waited {
			cmd.Process.Kill()
			<-r.exited
		}
	})
	return r
}

// exit waits up to d for the app to end: whether it ended, and its exit error.
func (r *runningApp) exit(d time.Duration) (bool, error) {
	select {
	case err := <-r.exited:
		r.waited = true
		return true, err
	case <-time.After(d):
		return false, nil
	}
}

// waitFor polls cond every 200 ms until it holds or d passes.
func waitFor(d time.Duration, cond func() bool) bool {
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// desktopTools fails the test unless the tools it drives are installed.
func desktopTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing: run scripts/install-deps.sh test", tool)
		}
	}
}

// appEnv is the environment of a fresh user: home, config, cache and data in
// dir; the desktop (DISPLAY, the session bus) and the module cache kept.
func appEnv(dir string) []string {
	env := []string{"HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"LANG=en_GB.UTF-8", "HUNCH_OPEN=report"}
	for _, k := range []string{"PATH", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "GOMODCACHE", "XAUTHORITY"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	if _, ok := os.LookupEnv("GOMODCACHE"); !ok {
		if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
			env = append(env, "GOMODCACHE="+strings.TrimSpace(string(out)))
		}
	}
	return env
}

// windowID finds a mapped top-level window whose title matches the regular
// expression (leave the em dash of "Hunch — Daily report" out: xdotool's regular
// expressions do not match it).
func windowID(title string) string {
	out, err := exec.Command("xdotool", "search", "--onlyvisible", "--name", title).Output()
	if err != nil {
		return ""
	}
	ids := strings.Fields(string(out))
	if len(ids) == 0 {
		return ""
	}
	return ids[len(ids)-1]
}

// pressReturn types Return into the visible window whose title matches, if
// there is one (xdotool focuses it, then types through XTEST).
func pressReturn(title string) {
	if id := windowID(title); id != "" {
		exec.Command("xdotool", "windowfocus", "--sync", id, "key", "Return").Run()
	}
}

// notifications records every Notify call on the session bus, as the
// daemon receives it, until the test ends.
func notifications(t *testing.T) *lines {
	t.Helper()
	var bus lines
	mon := exec.Command("dbus-monitor", "--session", "interface='org.freedesktop.Notifications',member='Notify'")
	mon.Stdout = &bus
	if err := mon.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mon.Process.Kill(); mon.Wait() })
	if !waitFor(5*time.Second, func() bool { return strings.Contains(bus.String(), "NameAcquired") }) {
		t.Fatal("dbus-monitor did not join the session bus")
	}
	return &bus
}

// screenshot raises a window above the others (there is no window manager)
// and writes what it shows to dir/name.png. Fyne's own capture is blank under
// GLFW on Xvfb, so the X server is asked instead.
func screenshot(t *testing.T, title, dir, name string) {
	t.Helper()
	var id string
	if !waitFor(10*time.Second, func() bool { id = windowID(title); return id != "" }) {
		t.Errorf("screenshot %s: no window titled %q", name, title)
		return
	}
	if out, err := exec.Command("xdotool", "windowraise", id).CombinedOutput(); err != nil {
		t.Errorf("raise %q: %v %s", title, err, out)
	}
	time.Sleep(1500 * time.Millisecond) // the app repaints what was under other windows
	path := filepath.Join(dir, name+".png")
	// The X server can refuse a read while the window is being repainted
	// ("Resource temporarily unavailable"): try again a moment later.
	var out []byte
	var err error
	for try := 0; try < 3; try++ {
		if out, err = exec.Command("import", "-window", id, path).CombinedOutput(); err == nil {
			break
		}
		time.Sleep(time.Second)
	}
	if err != nil {
		t.Errorf("screenshot %s: %v %s", name, err, out)
		return
	}
	t.Logf("screenshot: %s", path)
}

func TestTheAppAlertsASlouchThroughTheDesktopsNotificationDaemon(t *testing.T) {
	if os.Getenv("HUNCH_TEST_DESKTOP") != "1" {
		t.Skip("needs a desktop (Xvfb, a D-Bus session, dunst): run it with scripts/with-desktop.sh go test, as make test does")
	}
	desktopTools(t, "go", "dbus-monitor", "dunstctl", "xdotool", "import")
	tmp := t.TempDir()
	bin := buildHunch(t, tmp)
	clip, _ := generatedClip(t, 10, appScript, clips.Options{Jitter: 0.5, Noise: 2, Seed: 3})
	shots, err := filepath.Abs(screenshotDir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	bus := notifications(t)

	data := filepath.Join(tmp, "history")
	app := exec.Command(bin, "--input", clip, "--onset", "4s", "--data-dir", data)
	app.Env = appEnv(filepath.Join(tmp, "home"))
	run := startApp(t, app)
	out := run.out

	// The clip: calibration in the first 22 s, then a lean that lasts 14 s.
	// Calibration waits for the user's Start and alerts for their Done:
	// Return, typed into its window as a user would, once it is up.
	// The alert's whole body: other packages' tests share the daemon and
	// send notifications of their own.
	const said = "Leaning towards the screen for "
	const advice = "sit back, shoulders back and down"
	if !waitFor(20*time.Second, func() bool { return windowID("Calibrate$") != "" }) {
		t.Fatalf("no calibration window within 20 s:\n%s", out.String())
	}
	for i := 0; i < 15; i++ { // Start, once the checks hold
		pressReturn("Calibrate$")
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(9 * time.Second) // the countdown and the capture
	screenshot(t, "Calibrate$", shots, "calibration")
	alerted := regexp.MustCompile(`string "Hunch"\s+uint32 \d+\s+string "[^"]*"\s+string "Sit up"\s+string "` + said + `\d+ s[^"]*` + advice + `"`)
	if !waitFor(90*time.Second, func() bool { pressReturn("Calibrate$"); return alerted.MatchString(bus.String()) }) {
		t.Fatalf("no slouch notification from Hunch, saying what to do, reached the daemon; bus:\n%s\napp:\n%s", bus.String(), out.String())
	}
	screenshot(t, "^Hunch$", shots, "status")
	if id := windowID("Sit up$"); id != "" {
		t.Error("the app opened its own alert window although the daemon answered")
	}
	// dunst keeps a notification in its history once it has been shown.
	if !waitFor(20*time.Second, func() bool {
		h, _ := exec.Command("dunstctl", "history").Output()
		return bytes.Contains(h, []byte(advice))
	}) {
		t.Error("dunst's history has no slouch notification")
	}

	if !waitFor(60*time.Second, func() bool { return strings.Contains(out.String(), "the recording ended") }) {
		t.Fatalf("the recording never ended:\n%s", out.String())
	}
	screenshot(t, "Daily report$", shots, "report")

	if err := app.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if ended, err := run.exit(15 * time.Second); !ended {
		t.Fatalf("hunch did not exit within 15 s of SIGTERM:\n%s", out.String())
	} else if err != nil {
		t.Fatalf("on SIGTERM hunch exited with %v:\n%s", err, out.String())
	}

	s, err := history.Open(context.Background(), data, history.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day, err := s.Day(context.Background(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if day.UprightS < 5 || day.SlouchedByKindS["leaning_in"] < 5 || day.Alerts < 1 {
		t.Errorf("history after the run: upright %.0f s, leaning in %.0f s, %d alerts; want some of each",
			day.UprightS, day.SlouchedByKindS["leaning_in"], day.Alerts)
	}
}
