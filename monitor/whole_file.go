package monitor

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// errIsAFolder says a file was to be written where a folder is.
var errIsAFolder = errors.New("is a folder, not a file; name a file in it")

// WriteFileWhole writes path through a temporary file in the same directory,
// given mode perm and renamed over path once complete: whoever reads path
// (the user, a desktop session at login, Hunch itself after a crash) finds
// the old file or the new one, never half of one. A failed write removes the
// temporary file and leaves path as it was; a folder at path is an error
// before anything is written. Profiles, the autostart entry and exported
// histories are written this way.
func WriteFileWhole(path string, perm fs.FileMode, write func(io.Writer) error) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return errIsAFolder
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}
