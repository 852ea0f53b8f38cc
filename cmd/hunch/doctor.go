//go:build !front

package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/hunch-posture/hunch/desktop"
	"github.com/hunch-posture/hunch/monitor/history"
	"github.com/hunch-posture/hunch/vision"
)

func init() {
	runners["doctor"] = runDoctor
}

// parseDoctorFlags reads doctor's command line, which has no flags but
// --help; help is true when it was asked for and printed.
func parseDoctorFlags(args []string, stdout, stderr io.Writer) (help bool, err error) {
	return newCommandFlags("doctor", "doctor", "hunch doctor    (then fix the lines marked ✗)").parse(args, stdout, stderr)
}

// runDoctor checks what Hunch needs and says plainly what is missing.
func runDoctor(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if help, err := parseDoctorFlags(args, stdout, stderr); help || err != nil {
		return err
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
	check("OpenCV", func() (string, error) { return vision.OpenCVVersion(), nil })
	check("face detector", func() (string, error) { return doctorDetector(vision.DetectorBlazeFace) })
	check("cascade", func() (string, error) { return doctorDetector(vision.DetectorCascade) })
	check("cameras", doctorCameras)
	check("notifications", doctorNotifications)
	check("history", history.DefaultDataDir)
	if problems > 0 {
		return fmt.Errorf("%d problem(s) found; see the lines marked ✗", problems)
	}
	return nil
}

func doctorDetector(name string) (string, error) {
	p, err := vision.OpenImages(vision.Config{Detector: name, SegmentEvery: 1})
	if err != nil {
		return "", err
	}
	defer p.Close()
	if p.DetectorName != name {
		return "", fmt.Errorf("%s could not load; using %s instead", name, p.DetectorName)
	}
	return name + " and person segmentation loaded (embedded)", nil
}

func doctorCameras() (string, error) {
	cams := desktop.Cameras() // by /dev/videoN's N: video10 is camera 10, gaps stay gaps
	if len(cams) == 0 {
		return "", fmt.Errorf("no camera found; connect a webcam, or analyse a recording with 'hunch analyze --input FILE'")
	}
	var found, labels []string
	for _, c := range cams {
		labels = append(labels, c.Label())
		if size, err := vision.CheckCamera(c.Index); err == nil {
			found = append(found, fmt.Sprintf("camera %d (%s, %s)", c.Index, c.Label(), size))
		}
	}
	if len(found) == 0 {
		return "", fmt.Errorf("%s present but none gives a picture; close other programs using the camera", strings.Join(labels, ", "))
	}
	return strings.Join(found, ", "), nil
}

func doctorNotifications() (string, error) {
	conn, err := dbus.SessionBus()
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
