// Command idletray is the floor under the tray row of make bench-process: a
// Fyne app that shows an icon in the system tray and does nothing else, no
// window ever shown, for the given number of seconds. Whatever it costs,
// Hunch in the tray pays too, before watching anything (Fyne's driver polls
// its event loop 60 times a second whether or not a window is shown).
//
//	go run ./gui/idletray SECONDS
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	_ "github.com/hunch-posture/hunch/gui/plainlocale" // as in Hunch: no locale warning
)

func main() {
	seconds, err := strconv.Atoi(os.Args[len(os.Args)-1])
	if len(os.Args) != 2 || err != nil || seconds <= 0 {
		fmt.Fprintln(os.Stderr, "usage: idletray SECONDS (how long to sit in the tray, a whole number above 0)")
		os.Exit(2)
	}
	a := app.NewWithID("org.hunch.idletray")
	if d, ok := a.(desktop.App); ok {
		d.SetSystemTrayMenu(fyne.NewMenu("idle", fyne.NewMenuItem("Quit", a.Quit)))
		d.SetSystemTrayIcon(theme.ComputerIcon())
	}
	go func() {
		time.Sleep(time.Duration(seconds) * time.Second)
		fyne.Do(a.Quit)
	}()
	a.Run()
}
