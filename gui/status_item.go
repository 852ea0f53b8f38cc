package gui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/systray"
)

// trayIcon is where Hunch's icon and menu live in a system tray.
type trayIcon interface {
	SetSystemTrayMenu(*fyne.Menu)
	SetSystemTrayIcon(fyne.Resource)
}

// statusItem is Hunch's icon in the desktop's system tray: a
// StatusNotifierItem with its menu over D-Bus (fyne.io/systray, which Fyne's
// own tray uses). Hunch keeps it itself rather than through Fyne, so that a
// menu click reaches the UI through the idle loop: Fyne's tray would hand the
// click to Fyne's event loop, which rests while only the tray is shown.
type statusItem struct {
	// do runs a chosen item's action on Fyne's goroutine.
	do func(func())
}

// statusItemStarted guards the one StatusNotifierItem a process may have.
var statusItemStarted sync.Once

// newStatusItem registers Hunch's icon with the tray, titled with the app's
// name; menu clicks run through do.
func newStatusItem(do func(func()), icon fyne.Resource) *statusItem {
	statusItemStarted.Do(func() {
		systray.SetTitle("Hunch") // some trays misbehave without a title
		systray.SetIcon(icon.Content())
		start, _ := systray.RunWithExternalLoop(nil, nil)
		start()
	})
	return &statusItem{do: do}
}

// SetSystemTrayIcon shows the icon (a PNG) in the tray.
func (s *statusItem) SetSystemTrayIcon(icon fyne.Resource) { systray.SetIcon(icon.Content()) }

// SetSystemTrayMenu replaces the tray's menu with m (separators, plain items
// and whether each is enabled; Hunch's menu has no submenus or checks).
func (s *statusItem) SetSystemTrayMenu(m *fyne.Menu) {
	systray.ResetMenu()
	for _, it := range m.Items {
		if it.IsSeparator {
			systray.AddSeparator()
			continue
		}
		item := systray.AddMenuItem(it.Label, "")
		if it.Disabled {
			item.Disable()
		}
		action := it.Action
		go func() { // ends when ResetMenu removes the item and closes its channel
			for range item.ClickedCh {
				if action != nil {
					s.do(action)
				}
			}
		}()
	}
}
