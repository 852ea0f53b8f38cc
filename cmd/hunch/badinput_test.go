//go:build !front

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hunch-posture/hunch/vision/clips"
)

// badVideos writes an empty file, a text file named like a video and the
// first third of a real clip; it returns their paths by name.
func badVideos(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	clip, _ := generatedClip(t, 10, []clips.Segment{{Kind: clips.Upright, Seconds: 3}}, clips.Options{})
	whole, err := os.ReadFile(clip)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"empty.avi": nil, "notes.mp4": []byte("not a video\n"), "truncated.avi": whole[:len(whole)/3]}
	paths := map[string]string{}
	for name, body := range files {
		paths[name] = filepath.Join(dir, name)
		if err := os.WriteFile(paths[name], body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

// wantPlainFailure checks that a command failed with its last stderr line
// explaining why, and no crash.
func wantPlainFailure(t *testing.T, what string, code int, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if code == 0 || !strings.Contains(lines[len(lines)-1], want) || strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
		t.Errorf("%s: exit %d, stderr %q; want a last line mentioning %q", what, code, stderr, want)
	}
}

func TestCalibrateExplainsBadInput(t *testing.T) {
	videos := badVideos(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile.json")
	cases := map[string]struct {
		args []string
		want string
	}{
		"empty file":      {[]string{"--input", videos["empty.avi"]}, "not a video"},
		"not a video":     {[]string{"--input", videos["notes.mp4"]}, "not a video"},
		"truncated video": {[]string{"--input", videos["truncated.avi"], "--seconds", "5"}, "input ended"},
		"missing file":    {[]string{"--input", filepath.Join(dir, "none.mp4")}, "no such file"},
		"no camera":       {[]string{"--camera", "7"}, "camera 7"},
		"no source":       {nil, "nothing to watch"},
	}
	for name, tc := range cases {
		_, errOut, code := runCmd(t, append([]string{"calibrate", "--out", profile}, tc.args...)...)
		wantPlainFailure(t, name, code, errOut, tc.want)
		if _, err := os.Stat(profile); err == nil {
			t.Fatalf("%s: a profile was saved", name)
		}
	}
	_, errOut, code := runCmd(t, "calibrate", "--input", videos["empty.avi"])
	wantPlainFailure(t, "no --out", code, errOut, "--out FILE")
	// A folder for --out is said at once, before anyone sits still for it.
	_, errOut, code = runCmd(t, "calibrate", "--input", videos["notes.mp4"], "--out", dir)
	wantPlainFailure(t, "--out a folder", code, errOut, "is a folder")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after --out a folder, it holds %v", entries)
	}
}

func TestReportAndExportExplainADamagedHistory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "history.db"), []byte("not a database, not at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"report", "--data-dir", dir}, {"export", "--from", "today", "--data-dir", dir}} {
		_, errOut, code := runCmd(t, args...)
		wantPlainFailure(t, args[0], code, errOut, "--move-aside")
		if strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%s: %q, want one line", args[0], errOut)
		}
	}
	_, errOut, code := runCmd(t, "report", "--data-dir", filepath.Join(dir, "none"))
	wantPlainFailure(t, "no history", code, errOut, "no history yet")
}
