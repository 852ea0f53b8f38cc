package app

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hunch-posture/hunch/monitor"
)

// AutostartPath is where the XDG autostart entry lives:
// $XDG_CONFIG_HOME/autostart/hunch.desktop (~/.config/autostart by default).
func AutostartPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config directory: %w", err)
	}
	return filepath.Join(dir, "autostart", "hunch.desktop"), nil
}

// SetAutostart writes (on) or removes (off) the autostart entry that starts
// exe at login. The entry is written whole: a session starting while it is
// written finds the old entry or the new one.
func SetAutostart(path, exe string, on bool) error {
	if !on {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", path, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	entry := "[Desktop Entry]\nType=Application\nName=Hunch\nComment=Posture monitor: nudges you when you slouch\n" +
		"Exec=" + execArg(exe) + "\nIcon=io.github.hunch_posture.hunch\nTerminal=false\nCategories=Utility;\nX-GNOME-Autostart-enabled=true\n"
	err := monitor.WriteFileWhole(path, 0o644, func(w io.Writer) error {
		_, err := io.WriteString(w, entry)
		return err
	})
	if err != nil {
		return fmt.Errorf("start at login: %w", err)
	}
	return nil
}

// launcherName is the program users start Hunch with: the front, which
// sends the app to whichever of Hunch's programs suits it.
const launcherName = "hunch"

// Launcher is the program a login should start for the Hunch running as
// exe: the front installed beside it when there is one (exe is then
// hunch-camera, or hunch-watch after the demo was handed to it, and a login
// should start neither directly), else exe itself.
func Launcher(exe string) string {
	front := filepath.Join(filepath.Dir(exe), launcherName)
	if st, err := os.Stat(front); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
		return front
	}
	return exe
}

// execArg is path as one argument of a desktop entry's Exec key: as it is
// when it holds no character the Desktop Entry Specification reserves
// (Hunch installed under a folder with a space in its name, say), else
// double-quoted with the quoted string's escapes, and then the escapes of a
// string value (a backslash doubled, a line break as \n) and of field
// codes (a % doubled). A path with a % is started through env: GLib (2.74)
// looks for the program named before it undoes the %%, finds none and
// refuses the whole entry, while it undoes them in env's argument.
func execArg(path string) string {
	arg := path
	if strings.ContainsAny(path, " \t\n\"'\\><~|&;$*?#()`") {
		arg = `"` + strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`).Replace(path) + `"`
	}
	arg = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`, `%`, `%%`).Replace(arg)
	if strings.Contains(path, "%") {
		arg = "env " + arg
	}
	return arg
}
