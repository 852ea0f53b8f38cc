// Package gui is Hunch's desktop face: the tray icon and its menu, the status
// window that stands in where there is no tray, the calibration screen, the
// alert window, the daily report and the settings. It is the only package
// that imports Fyne. It renders monitor.Updates handed to it on a channel and
// forwards the user's intent (pause, snooze, calibrate…) through small
// interfaces; it owns no posture logic.
package gui

import _ "github.com/hunch-posture/hunch/gui/plainlocale" // before Fyne's locale lookup
