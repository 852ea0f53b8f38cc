// Package desktop listens to the desktop session for the moments Hunch must
// stop watching and release the camera: the screen locked (the screensaver's
// ActiveChanged signal on the session bus, freedesktop and GNOME) and the
// machine going to sleep (logind's PrepareForSleep on the system bus). It is
// pure Go over D-Bus and knows nothing of posture or cameras: cmd/hunch
// turns its pause and resume events into closing and reopening the pipeline.
package desktop
