// Command idletray is the floor under the app's rows of make bench-process:
// a Fyne app that does nothing for the given number of seconds. By default
// it shows an icon in the system tray and never a window: whatever that
// costs, Hunch in the tray pays too, before watching anything (Fyne's driver
// polls its event loop 60 times a second whether or not a window is shown).
// With --window it shows instead a window the size of Hunch's status window
// with a line of text and a button, and so loads the OpenGL driver a window
// needs: the floor under the status window's row.
//
//	go run ./gui/idletray [--window] SECONDS
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	_ "github.com/hunch-posture/hunch/gui/plainlocale" // as in Hunch: no locale warning
)

func main() {
	args := os.Args[1:]
	window := len(args) == 2 && args[0] == "--window"
	seconds, err := strconv.Atoi(args[len(args)-1])
	if (len(args) != 1 && !window) || err != nil || seconds <= 0 {
		fmt.Fprintln(os.Stderr, "usage: idletray [--window] SECONDS (how long to sit idle, a whole number above 0)")
		os.Exit(2)
	}
	a := app.NewWithID("org.hunch.idletray")
	if window {
		w := a.NewWindow("idle")
		w.SetContent(container.NewVBox(widget.NewLabel("Doing nothing"), widget.NewButton("Quit", a.Quit)))
		w.Resize(fyne.NewSize(500, 260)) // Hunch's status window's size
		w.Show()
	} else if d, ok := a.(desktop.App); ok {
		d.SetSystemTrayMenu(fyne.NewMenu("idle", fyne.NewMenuItem("Quit", a.Quit)))
		d.SetSystemTrayIcon(theme.ComputerIcon())
	}
	go func() {
		time.Sleep(time.Duration(seconds) * time.Second)
		fyne.Do(a.Quit)
	}()
	a.Run()
}
