// Package app is the desktop app's behaviour without its windows: the
// worker that opens the camera (or a recording, or the demo), runs the
// calibration flow and the watch loop, keeps pause, screen lock and snooze,
// saves profiles and books the history, and hands the GUI what to show as
// plain values (Event). The GUI forwards what the user asks for by calling
// the Engine's methods. Nothing here imports Fyne: it is tested on its own,
// with real clips and a real history, and without a display.
package app
