//go:build !front

package main

import (
	"context"
	"strings"
	"testing"
)

func TestTheAppWithoutADesktopSaysSoInOneLine(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errOut strings.Builder
	code := run(context.Background(), []string{"--input", "clip.avi", "--data-dir", t.TempDir()}, &out, &errOut)
	msg := strings.TrimSpace(errOut.String())
	if code != 1 || strings.Contains(msg, "\n") || !strings.Contains(msg, "no desktop session") || !strings.Contains(msg, "hunch analyze") {
		t.Errorf("exit %d, stderr %q: want one line saying there is no desktop and what to do", code, msg)
	}
}
