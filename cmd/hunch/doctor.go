package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision/v4l2"
)

// doctor runs in both builds. In the front (build_front.go) it loads no
// OpenCV, so it answers in milliseconds: it checks that the libraries
// hunch-watch needs are installed and reads a picture from each camera
// through V4L2 itself. 'hunch doctor --models' hands over to hunch-watch,
// which also loads the detectors into OpenCV (doctor_watch.go).

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
		if err != nil {
			problems++
			fmt.Fprintf(stdout, "✗ %-14s %v\n", what, err)
			return
		}
		fmt.Fprintf(stdout, "✓ %-14s %s\n", what, ok)
	}
	check("OpenCV", doctorOpenCV)
	doctorModels(stdout, check)
	check("cameras", doctorCameras)
	check("notifications", doctorNotifications)
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

// doctorNotifications asks the desktop's notification service who it is.
// Where there is no session bus it says so: a check does not start one
// (dbus-launch), as the bus a desktop session gives is the one that counts.
func doctorNotifications() (string, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err == nil {
		defer conn.Close()
		if err = conn.Auth(nil); err == nil {
			err = conn.Hello()
		}
	}
	if err != nil {
		return "", fmt.Errorf("no D-Bus session (%v); Hunch will show its own alert window", err)
	}
	var name, vendor, version, spec string
	call := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications").
		Call("org.freedesktop.Notifications.GetServerInformation", 0)
	if err := call.Store(&name, &vendor, &version, &spec); err != nil {
		return "", fmt.Errorf("no notification service answers (%v); Hunch will show its own alert window", err)
	}
	return fmt.Sprintf("%s %s (%s)", name, version, vendor), nil
}
