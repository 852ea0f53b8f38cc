package monitor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAProfileRoundTripsThroughAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "me.json")
	b := calibrated(t)
	if err := SaveProfile(path, Profile{Source: "camera 0", Baseline: b}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("profile mode %v (%v), want 0600", st.Mode().Perm(), err)
	}
	p, err := LoadProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Baseline.FaceSize != b.FaceSize || p.Baseline.NeckGap != b.NeckGap || p.Version != ProfileVersion {
		t.Errorf("loaded %+v, want %+v", p.Baseline, b)
	}
}

func TestABadProfileIsExplained(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	for name, tc := range map[string]struct{ path, want string }{
		"missing": {filepath.Join(dir, "nope.json"), "not found"},
		"corrupt": {write("c.json", "{not json"), "not a Hunch profile"},
		"version": {write("v.json", `{"version": 99}`), "version 99"},
		"empty":   {write("e.json", `{"version": 1}`), "no usable baseline"},
	} {
		_, err := LoadProfile(tc.path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "hunch calibrate") {
			t.Errorf("%s: got %v, want an error mentioning %q and how to recalibrate", name, err, tc.want)
		}
	}
}

// TestCameraProfilesListsTheAppsCalibrationsByCamera: the files
// CameraProfilePath names, by camera number (10 after 2), and nothing else
// that lies in the folder.
func TestCameraProfilesListsTheAppsCalibrationsByCamera(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if got, err := CameraProfiles(); err != nil || len(got) != 0 {
		t.Fatalf("with no folder: %v, %v; want none", got, err)
	}
	var want []CameraProfileFile
	for _, cam := range []int{10, 2} {
		path, err := CameraProfilePath(cam)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(path), 0o700)
		if err := os.WriteFile(path, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
		want = append([]CameraProfileFile{{cam, path}}, want...)
	}
	dir, _ := cameraProfileDir()
	for _, stray := range []string{"camera-x.json", "camera-02.json", "camera-3.json.tmp", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, stray), nil, 0o600)
	}
	got, err := CameraProfiles()
	if err != nil || len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("CameraProfiles() = %v, %v; want %v", got, err, want)
	}
}
