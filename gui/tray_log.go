package gui

import (
	"bytes"
	"io"
)

// trayMissingLine starts the line the tray library logs when it finds no
// tray to register with. Hunch starts its tray item even then, so that a tray
// starting later takes it in, and its status window already says there is
// no tray: the line would only alarm.
var trayMissingLine = []byte("systray error: failed to register:")

// TrayLog is the standard logger's output for the app: w, without the tray
// library's complaint that no tray is running yet. Everything else passes.
func TrayLog(w io.Writer) io.Writer { return trayLog{w} }

type trayLog struct{ w io.Writer }

// Write drops a line that is the missing tray's complaint; the log package
// writes one line per call.
func (l trayLog) Write(p []byte) (int, error) {
	if i := bytes.Index(p, trayMissingLine); i >= 0 && !bytes.Contains(p[:i], []byte("\n")) {
		return len(p), nil
	}
	return l.w.Write(p)
}
