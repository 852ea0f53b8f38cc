package gui

import (
	"log"
	"strings"
	"testing"
)

func TestTrayLogDropsOnlyTheMissingTrayComplaint(t *testing.T) {
	var out strings.Builder
	l := log.New(TrayLog(&out), "", log.LstdFlags)
	l.Printf("systray error: failed to register: The name org.kde.StatusNotifierWatcher was not provided by any .service files")
	l.Printf("systray error: failed to export status notifier item: boom")
	l.Printf("Fyne error: something else")
	got := out.String()
	if strings.Contains(got, "failed to register") {
		t.Errorf("the missing tray's complaint got through:\n%s", got)
	}
	if !strings.Contains(got, "failed to export status notifier item") || !strings.Contains(got, "Fyne error: something else") {
		t.Errorf("other log lines were dropped:\n%s", got)
	}
}
