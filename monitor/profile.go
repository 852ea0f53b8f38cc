package monitor

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// ProfileVersion is the version of the profile file format this build
// writes: 2 added the optional slouch sample. Version 1 profiles (without
// one) read as they are.
const ProfileVersion = 2

// oldestProfileVersion is the oldest profile format this build still reads.
const oldestProfileVersion = 1

// Profile is a saved calibration: the baseline and where it was taken.
type Profile struct {
	Version  int       `json:"version"`
	Created  time.Time `json:"created"`
	Source   string    `json:"source"` // camera name or input file
	Baseline Baseline  `json:"baseline"`
}

// CameraProfilePath is where the app keeps camera N's calibration:
// $XDG_CONFIG_HOME/hunch/profiles/camera-N.json (~/.config by default).
func CameraProfilePath(camera int) (string, error) {
	dir, err := cameraProfileDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, fmt.Sprintf(cameraProfileName, camera)), nil
}

// cameraProfileName is a camera's profile file name, by camera number.
const cameraProfileName = "camera-%d.json"

// cameraProfileDir is the folder of the app's per-camera calibrations.
func cameraProfileDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "hunch", "profiles"), nil
}

// CameraProfileFile is one camera's saved calibration: the camera's
// number and the file's path.
type CameraProfileFile struct {
	Camera int
	Path   string
}

// CameraProfiles lists the calibrations the app keeps (CameraProfilePath),
// by camera number; none yet is an empty list.
func CameraProfiles() ([]CameraProfileFile, error) {
	dir, err := cameraProfileDir()
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var found []CameraProfileFile
	for _, e := range entries { // ReadDir sorts by name: camera-10 before camera-2
		var n int
		if _, err := fmt.Sscanf(e.Name(), cameraProfileName, &n); err == nil && n >= 0 && e.Name() == fmt.Sprintf(cameraProfileName, n) {
			found = append(found, CameraProfileFile{n, filepath.Join(dir, e.Name())})
		}
	}
	slices.SortFunc(found, func(a, b CameraProfileFile) int { return a.Camera - b.Camera })
	return found, nil
}

// SaveProfile writes p to path atomically (a temporary file renamed into
// place), readable only by the user.
func SaveProfile(path string, p Profile) error {
	p.Version = ProfileVersion
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("save profile %s: %w", path, err)
	}
	err = WriteFileWhole(path, 0o600, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
	if err != nil {
		return fmt.Errorf("save profile %s: %w", path, err)
	}
	return nil
}

// LoadProfile reads a profile, saying plainly what to do when it cannot.
func LoadProfile(path string) (Profile, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Profile{}, fmt.Errorf("profile %s not found; create one with 'hunch calibrate --out %s'", path, path)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("read profile %s: %w", path, err)
	}
	return ParseProfile(path, data)
}

// ParseProfile decodes and checks a profile's bytes; name is used in errors.
func ParseProfile(name string, data []byte) (Profile, error) {
	var p Profile
	if err := json.Unmarshal(data, &p); err != nil {
		return Profile{}, fmt.Errorf("profile %s is not a Hunch profile (%v); recalibrate with 'hunch calibrate --out %s'", name, err, name)
	}
	if p.Version < oldestProfileVersion || p.Version > ProfileVersion {
		return Profile{}, fmt.Errorf("profile %s is version %d, this Hunch reads version %d; recalibrate with 'hunch calibrate --out %s'", name, p.Version, ProfileVersion, name)
	}
	b := p.Baseline
	if b.FaceSize <= 0 || b.FaceHeight <= 0 || b.Width <= 0 || b.Height <= 0 {
		return Profile{}, fmt.Errorf("profile %s has no usable baseline; recalibrate with 'hunch calibrate --out %s'", name, name)
	}
	return p, nil
}
