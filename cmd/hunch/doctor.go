package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/monitor"
	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision/v4l2"
)

// doctor runs in every build. In the front (build_front.go) it loads no
// OpenCV, so it answers in milliseconds: it checks that the libraries
// hunch-camera and hunch-watch need are installed and reads a picture from
// each camera through V4L2 itself. 'hunch doctor --models' hands over to
// hunch-camera, which also loads the detectors into OpenCV (doctor_watch.go).

func init() {
	runners["doctor"] = runDoctor
}

// doctorFlags are doctor's options.
type doctorFlags struct {
	models bool
}

// flagSet binds doctor's flags to f.
func (f *doctorFlags) flagSet() *commandFlags {
	fs := newCommandFlags("doctor", "doctor [--models]", "hunch doctor    (then fix the lines marked ✗)")
	fs.BoolVar(&f.models, "models", false, "also load the face detector, the cascade and the person segmentation into OpenCV (about a second)")
	return fs
}

// doctorCheck runs one check and says its result on one line.
type doctorCheck func(what string, probe func() (string, error))

// runDoctor checks what Hunch needs and says plainly what is missing.
func runDoctor(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var f doctorFlags
	help, err := f.flagSet().parse(args, stdout, stderr)
	if help || err != nil {
		return err
	}
	if f.models && !modelsLoadHere {
		return elsewhere(ctx, args, stdout, stderr)
	}
	problems := 0
	check := func(what string, probe func() (string, error)) {
		ok, err := probe()
		var n notice
		switch {
		case errors.As(err, &n):
			fmt.Fprintf(stdout, "· %-14s %v\n", what, n)
		case err != nil:
			problems++
			fmt.Fprintf(stdout, "✗ %-14s %v\n", what, err)
		default:
			fmt.Fprintf(stdout, "✓ %-14s %s\n", what, ok)
		}
	}
	check("OpenCV", doctorOpenCV)
	doctorModels(stdout, check)
	check("cameras", doctorCameras)
	check("calibration", doctorCalibration)
	bus, busErr := doctorSessionBus()
	if bus != nil {
		defer bus.Close()
	}
	check("notifications", func() (string, error) { return doctorNotifications(bus, busErr) })
	check("tray", func() (string, error) { return doctorTray(bus) })
	check("history", history.DefaultDataDir)
	if problems > 0 {
		return fmt.Errorf("%d problem(s) found; see the lines marked ✗", problems)
	}
	return nil
}

// doctorCameras reads one picture from every camera the system lists.
func doctorCameras() (string, error) {
	cams := desktop.Cameras() // by /dev/videoN's N: video10 is camera 10, gaps stay gaps
	if len(cams) == 0 {
		return "", fmt.Errorf("no camera found; connect a webcam, or analyse a recording with 'hunch analyze --input FILE'")
	}
	var found, labels []string
	var first error
	for _, c := range cams {
		labels = append(labels, c.Label())
		size, err := v4l2.Probe(fmt.Sprintf("/dev/video%d", c.Index))
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		found = append(found, fmt.Sprintf("camera %d (%s, %s)", c.Index, c.Label(), size))
	}
	if len(found) == 0 {
		return "", fmt.Errorf("%s present but none gives a picture (%v); close other programs using the camera", strings.Join(labels, ", "), first)
	}
	return strings.Join(found, ", "), nil
}

// notice is a doctor result that is neither a pass nor a problem: how Hunch
// will behave here, shown with "·".
type notice string

func (n notice) Error() string { return string(n) }

// doctorCalibration says which cameras the app has a calibration for.
func doctorCalibration() (string, error) {
	profiles, err := monitor.CameraProfiles()
	if err != nil {
		return "", notice(fmt.Sprintf("the calibrations cannot be listed (%v); the app will ask you to calibrate", err))
	}
	var said []string
	for _, c := range profiles {
		p, err := monitor.LoadProfile(c.Path)
		if err != nil {
			return "", err // it says to recalibrate
		}
		with := ""
		if p.Baseline.SlouchSample != nil {
			with = ", with your slouch"
		}
		said = append(said, fmt.Sprintf("camera %d (%s%s)", c.Camera, p.Created.Local().Format("2 Jan 2006"), with))
	}
	if len(said) == 0 {
		return "", notice("none yet; the app asks you to sit upright for a few seconds when it first starts")
	}
	return strings.Join(said, ", "), nil
}

// doctorSessionBus connects to the desktop's session bus. Where there is
// none it says so: a check does not start one (dbus-launch), as the bus a
// desktop session gives is the one that counts.
func doctorSessionBus() (*dbus.Conn, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		return nil, err
	}
	if err = conn.Auth(nil); err == nil {
		err = conn.Hello()
	}
	if err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// doctorNotifications asks the desktop's notification service who it is.
func doctorNotifications(conn *dbus.Conn, busErr error) (string, error) {
	if conn == nil {
		return "", fmt.Errorf("no D-Bus session (%v); Hunch will show its own alert window", busErr)
	}
	var name, vendor, version, spec string
	call := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications").
		Call("org.freedesktop.Notifications.GetServerInformation", 0)
	if err := call.Store(&name, &vendor, &version, &spec); err != nil {
		return "", fmt.Errorf("no notification service answers (%v); Hunch will show its own alert window", err)
	}
	return fmt.Sprintf("%s %s (%s)", name, version, vendor), nil
}

// doctorTray says whether a system tray runs: without one Hunch lives in
// its status window, which is how it works, not a fault.
func doctorTray(conn *dbus.Conn) (string, error) {
	const instead = "Hunch shows its status window instead, and moves to a tray when one starts"
	if conn == nil {
		return "", notice("none without a D-Bus session; " + instead)
	}
	host, err := desktop.TrayHost(conn)
	if err != nil {
		return "", notice(fmt.Sprintf("%v; %s", err, instead))
	}
	if host == "" {
		return "", notice("none running (on GNOME the AppIndicator extension adds one); " + instead)
	}
	return "a system tray runs (" + host + "); Hunch's icon goes there", nil
}
