package v4l2

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hunch-posture/hunch/vision/v4l2/guest"
)

// The guest is this test binary started by a throwaway Linux kernel under
// qemu as its first process (PID 1): it loads the vivid test camera driver
// and runs the TestGuest tests against /dev/video0, a real V4L2 device.
// TestCamerasOfARealV4L2Driver, on the host, builds that kernel's initial
// file system and reads what the guest says.

// inGuest is true in the guest.
var inGuest = guest.InGuest

// guestOK is the guest's last line when its tests passed.
const guestOK = "hunch-v4l2-guest: PASS"

func TestMain(m *testing.M) {
	if !inGuest {
		os.Exit(m.Run())
	}
	code := 2
	if err := guest.Start(); err != nil {
		fmt.Println(err)
	} else {
		flag.Parse()
		flag.Set("test.run", "^TestGuest")
		flag.Set("test.v", "true")
		code = m.Run()
	}
	if code == 0 {
		fmt.Println(guestOK)
	} else {
		fmt.Printf("hunch-v4l2-guest: FAIL (%d)\n", code)
	}
	guest.PowerOff()
}

// requireGuest skips a TestGuest test on the host.
func requireGuest(t *testing.T) {
	if !inGuest {
		t.Skip("runs in the qemu guest that TestCamerasOfARealV4L2Driver starts")
	}
}

// vividBars are the colours of vivid's default test pattern, 75% colour
// bars, left to right, in BGR.
var vividBars = [8][3]int{{191, 191, 191}, {0, 191, 191}, {191, 191, 0}, {0, 191, 0}, {191, 0, 191}, {0, 0, 191}, {191, 0, 0}, {0, 0, 0}}

// TestGuestReadsTheTestPatternFromVivid: the camera streams 640×480 YUYV
// frames that read as vivid's colour bars, frame after frame.
func TestGuestReadsTheTestPatternFromVivid(t *testing.T) {
	requireGuest(t)
	c, err := Open("/dev/video0", 640, 480, 5)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close() // after a failure; the test closes it itself below
	if w, h := c.Size(); w != 640 || h != 480 || c.Pixel() != YUYV || c.Rate() != 5 {
		t.Errorf("%q streams %d×%d %s at %g fps, want 640×480 YUYV at 5", c.Name(), w, h, fourccName(c.Pixel()), c.Rate())
	}
	var bgr []byte
	start := time.Now()
	for i := 0; i < 10; i++ {
		if bgr, err = c.Read(bgr); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		w, h := c.Size()
		y := h * 3 / 4 // below vivid's text at the top
		for bar, want := range vividBars {
			x := w*bar/8 + w/16
			p := 3 * (y*w + x)
			for k := 0; k < 3; k++ {
				if d := int(bgr[p+k]) - want[k]; d < -24 || d > 24 {
					t.Fatalf("frame %d, bar %d at (%d, %d): BGR %v, want about %v", i, bar, x, y, bgr[p:p+3], want)
				}
			}
		}
	}
	// Ten frames at 5 a second: the first few may wait in the buffers.
	if took := time.Since(start); took < 1200*time.Millisecond {
		t.Errorf("10 frames in %v at 5 frames a second", took)
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
	if err := c.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
	// Closed, the device is free again for the next program.
	again, err := Open("/dev/video0", 320, 180, 0)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	if w, h := again.Size(); w != 320 || h != 180 {
		t.Errorf("asked for 320×180, streaming %d×%d", w, h)
	}
	if _, err := again.Read(nil); err != nil {
		t.Error(err)
	}
	again.Close()
}

// TestGuestSaysWhenTheCameraIsBusy: a second program cannot stream from a
// camera another streams from; it is told so plainly.
func TestGuestSaysWhenTheCameraIsBusy(t *testing.T) {
	requireGuest(t)
	c, err := Open("/dev/video0", 640, 480, 5)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := Open("/dev/video0", 640, 480, 5); err == nil || !strings.Contains(err.Error(), "/dev/video0") {
		t.Errorf("a second open of a streaming camera: %v", err)
	}
}

// TestGuestReadFreshSkipsTheFramesThatWaited: a reader slower than the
// camera gets, from Read, the oldest frame waiting; from ReadFresh, one
// newer than every frame that waited.
func TestGuestReadFreshSkipsTheFramesThatWaited(t *testing.T) {
	requireGuest(t)
	c, err := Open("/dev/video0", 320, 240, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var bgr []byte
	read := func(how func([]byte) ([]byte, error)) uint32 {
		t.Helper()
		if bgr, err = how(bgr); err != nil {
			t.Fatal(err)
		}
		return c.Sequence()
	}
	// Long enough for every buffer to fill, even in a slow guest.
	wait := time.Duration(3*bufferCount) * time.Second / 10
	first := read(c.Read)
	time.Sleep(wait)
	if stale := read(c.Read); stale != first+1 {
		t.Errorf("Read after %v: frame %d, want %d, the one that waited longest", wait, stale, first+1)
	}
	before := c.Sequence()
	time.Sleep(wait)
	if fresh := read(c.ReadFresh); fresh <= before+bufferCount {
		t.Errorf("ReadFresh after %v: frame %d, want one after the %d that waited (after %d)", wait, fresh, bufferCount, before+bufferCount)
	}
}

// TestGuestProbeSaysWhatTheCameraGives: doctor's probe reads one picture
// and leaves the camera free for the next program.
func TestGuestProbeSaysWhatTheCameraGives(t *testing.T) {
	requireGuest(t)
	for i := 0; i < 2; i++ {
		got, err := Probe("/dev/video0")
		if err != nil || got != "640×480 YUYV" {
			t.Errorf("probe %d of /dev/video0: %q, %v; want 640×480 YUYV", i+1, got, err)
		}
	}
	c, err := Open("/dev/video0", 640, 480, 5)
	if err != nil {
		t.Fatalf("the camera after two probes: %v", err)
	}
	defer c.Close()
	if _, err := Probe("/dev/video0"); err == nil || !strings.Contains(err.Error(), "/dev/video0") {
		t.Errorf("probing a camera another program streams from: %v; want an error naming it", err)
	}
}

func TestAFileThatIsNotACameraIsRefused(t *testing.T) {
	_, err := Open("/dev/null", 640, 480, 5)
	if err == nil || !strings.Contains(err.Error(), "/dev/null") || !strings.Contains(err.Error(), "not a video device") {
		t.Errorf("opening /dev/null: %v", err)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "video9"), 640, 480, 5); err == nil {
		t.Error("a missing device was opened")
	}
	if _, err := Probe("/dev/null"); err == nil || !strings.Contains(err.Error(), "/dev/null") {
		t.Errorf("probing /dev/null: %v", err)
	}
}

// TestCamerasOfARealV4L2Driver boots the kernel that 'make deps-test'
// fetched (scripts/fetch-test-kernel.sh) under qemu with this package's
// tests as its first process, and passes when they pass there.
func TestCamerasOfARealV4L2Driver(t *testing.T) {
	if inGuest {
		t.Skip("this is the guest")
	}
	dir := t.TempDir()
	build := exec.Command("go", "test", "-c", "-o", filepath.Join(dir, "init"), ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the guest: %v\n%s", err, out)
	}
	init, err := os.ReadFile(filepath.Join(dir, "init"))
	if err != nil {
		t.Fatal(err)
	}
	initrd := guest.NewInitrd(init)
	if err := initrd.AddModules(filepath.Join(guest.KernelDir(), "modules"), "vivid"); err != nil {
		t.Fatalf("%v; run 'make deps-test'", err)
	}
	path := filepath.Join(dir, "initrd.cpio")
	if err := initrd.Write(path); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	start := time.Now()
	console, err := guest.Boot(ctx, path, 256)
	if err != nil || !strings.Contains(console, guestOK) {
		t.Fatalf("the guest (%v): %v\n%s", time.Since(start).Round(time.Second), err, console)
	}
	for _, name := range []string{"TestGuestReadsTheTestPatternFromVivid", "TestGuestSaysWhenTheCameraIsBusy", "TestGuestProbeSaysWhatTheCameraGives", "TestGuestReadFreshSkipsTheFramesThatWaited"} {
		if !strings.Contains(console, "--- PASS: "+name) {
			t.Errorf("%s did not pass in the guest:\n%s", name, console)
		}
	}
	t.Logf("guest ran in %v:\n%s", time.Since(start).Round(time.Second), guestLines(console))
}

// guestLines are the guest's test lines in its console.
func guestLines(console string) string {
	var out []string
	for _, l := range strings.Split(console, "\n") {
		if strings.Contains(l, "Guest") || strings.Contains(l, "hunch-v4l2-guest") || strings.HasPrefix(strings.TrimSpace(l), "qemu_test.go") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
