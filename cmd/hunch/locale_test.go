//go:build !front

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A user on Debian's default C.UTF-8 locale sees Hunch's own one-line error,
// not Fyne's complaint that "C" is no language.
func TestAPlainLocaleAddsNoNoiseToErrors(t *testing.T) {
	bin := buildHunch(t, t.TempDir())
	for _, lang := range []string{"C.UTF-8", "C", "POSIX", "en_GB.UTF-8"} {
		cmd := exec.Command(bin, "report", "--data-dir", filepath.Join(t.TempDir(), "none"))
		cmd.Env = append(os.Environ(), "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err == nil {
			t.Fatalf("LANG=%s: report on an empty folder succeeded", lang)
		}
		if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "no history yet") {
			t.Errorf("LANG=%s: stderr %q, want one line about no history", lang, stderr.String())
		}
	}
}
