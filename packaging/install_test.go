package packaging

import (
	"bytes"
	"fmt"
	"image/png"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// root is the repository, where the install scripts live.
const root = ".."

// entryName is the installed .desktop file's name.
const entryName = IconName + ".desktop"

// script runs scripts/NAME with a clean environment: HOME and the given
// variables only.
func script(t *testing.T, name, home string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(root, "scripts", name), args...)
	cmd.Env = append([]string{"HOME=" + home, "PATH=/usr/bin:/bin"}, env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, out)
	}
	return string(out)
}

// fakeBinary stands in for bin/hunch, with bin/hunch-camera and
// bin/hunch-watch beside it. Run
// with HUNCH_RAN set, it writes the path it was started by there.
func fakeBinary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"hunch", "hunch-camera", "hunch-watch"} {
		sh := "#!/bin/sh\necho " + name + "\n[ -z \"$HUNCH_RAN\" ] || echo \"$0\" > \"$HUNCH_RAN\"\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(sh), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "hunch")
}

// installed lists every file below dir (folders left out).
func installed(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, rel)
		}
		return nil
	})
	return files
}

// checkInstall checks the binary, the entry and every icon, and returns
// their paths.
func checkInstall(t *testing.T, bindir, datadir string) map[string]bool {
	t.Helper()
	exe, camera, watch := filepath.Join(bindir, "hunch"), filepath.Join(bindir, "hunch-camera"), filepath.Join(bindir, "hunch-watch")
	want := map[string]bool{exe: true, camera: true, watch: true, filepath.Join(datadir, "applications", entryName): true}
	for _, b := range []string{exe, camera, watch} {
		if st, err := os.Stat(b); err != nil || st.Mode().Perm() != 0o755 {
			t.Errorf("binary %s: %v", b, err)
		}
	}
	entry, err := os.ReadFile(filepath.Join(datadir, "applications", entryName))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"[Desktop Entry]", "Type=Application", "Name=Hunch", "Icon=" + IconName} {
		if !strings.Contains(string(entry), "\n"+line+"\n") && !strings.HasPrefix(string(entry), line+"\n") {
			t.Errorf("entry lacks %q:\n%s", line, entry)
		}
	}
	if strings.Contains(string(entry), "@") {
		t.Errorf("entry has an unfilled placeholder:\n%s", entry)
	}
	if v, err := exec.LookPath("desktop-file-validate"); err == nil {
		if out, err := exec.Command(v, filepath.Join(datadir, "applications", entryName)).CombinedOutput(); err != nil {
			t.Errorf("desktop-file-validate: %v\n%s", err, out)
		}
	}
	if got := launch(t, filepath.Join(datadir, "applications", entryName)); got != exe {
		t.Errorf("the menu entry started %q, want %q:\n%s", got, exe, entry)
	}
	for _, size := range IconSizes {
		p := filepath.Join(datadir, "icons", "hicolor", fmt.Sprintf("%dx%d", size, size), "apps", IconName+".png")
		want[p] = true
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%dpx icon: %dx%d (%v)", size, cfg.Width, cfg.Height, err)
		}
	}
	return want
}

// launch starts a desktop entry as GLib (GNOME's and Xfce's menus) does,
// with gio, and returns the path of the program it started.
func launch(t *testing.T, entry string) string {
	t.Helper()
	gio, err := exec.LookPath("gio")
	if err != nil {
		t.Fatal("gio is missing; install the test's packages with 'make deps-test'")
	}
	ran := filepath.Join(t.TempDir(), "ran")
	cmd := exec.Command(gio, "launch", entry)
	cmd.Env = append(os.Environ(), "HUNCH_RAN="+ran)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("gio launch %s: %v: %s", entry, err, out)
		return ""
	}
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(ran); err == nil && len(b) > 0 {
			return strings.TrimSuffix(string(b), "\n")
		}
	}
	return ""
}

// onlyThese checks that the files below the roots are exactly want.
func onlyThese(t *testing.T, want map[string]bool, roots ...string) {
	t.Helper()
	n := 0
	for _, r := range roots {
		for _, f := range installed(t, r) {
			n++
			if !want[filepath.Join(r, f)] {
				t.Errorf("installed %s, which is not Hunch's", filepath.Join(r, f))
			}
		}
	}
	if n != len(want) {
		t.Errorf("installed %d files, want %d", n, len(want))
	}
}

func TestInstallPutsBinaryEntryAndIconsUnderLocalAndUninstallRemovesThem(t *testing.T) {
	home := t.TempDir()
	bin := fakeBinary(t)
	out := script(t, "install.sh", home, nil, bin)
	script(t, "install.sh", home, nil, bin) // a second install replaces the first
	local := filepath.Join(home, ".local")
	onlyThese(t, checkInstall(t, filepath.Join(local, "bin"), filepath.Join(local, "share")), home)
	if !strings.Contains(out, "is not on your PATH") {
		t.Errorf("install did not say ~/.local/bin is not on PATH:\n%s", out)
	}
	// Something of the user's own stays.
	mine := filepath.Join(local, "share", "applications", "mine.desktop")
	os.WriteFile(mine, []byte("[Desktop Entry]\n"), 0o644)
	script(t, "uninstall.sh", home, nil)
	if got := installed(t, home); len(got) != 1 || got[0] != filepath.Join(".local", "share", "applications", "mine.desktop") {
		t.Errorf("after uninstall: %v, want only the user's own file", got)
	}
	script(t, "uninstall.sh", home, nil) // nothing left to remove is not an error
}

func TestInstallFollowsXDGDataHomeAndPrefix(t *testing.T) {
	home, data := t.TempDir(), t.TempDir()
	bin := fakeBinary(t)
	script(t, "install.sh", home, []string{"XDG_DATA_HOME=" + data}, bin)
	onlyThese(t, checkInstall(t, filepath.Join(home, ".local", "bin"), data), home, data)
	script(t, "uninstall.sh", home, []string{"XDG_DATA_HOME=" + data})
	if got := append(installed(t, home), installed(t, data)...); len(got) != 0 {
		t.Errorf("after uninstall: %v", got)
	}

	// Prefixes whose names the entry must escape: its menu entry still starts it.
	for _, name := range []string{"with space", `it's "odd" & $HOME`, "back\\slash`tick`", "100%", "50% & more"} {
		prefix := filepath.Join(t.TempDir(), name)
		script(t, "install.sh", home, []string{"PREFIX=" + prefix}, bin)
		onlyThese(t, checkInstall(t, filepath.Join(prefix, "bin"), filepath.Join(prefix, "share")), prefix, home)
		script(t, "uninstall.sh", home, []string{"PREFIX=" + prefix})
		if got := installed(t, prefix); len(got) != 0 {
			t.Errorf("after uninstall: %v", got)
		}
	}
}

func TestInstallWithoutABinarySaysHowToBuildIt(t *testing.T) {
	cmd := exec.Command(filepath.Join(root, "scripts", "install.sh"), filepath.Join(t.TempDir(), "none"))
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "make build") || strings.Count(strings.TrimSpace(string(out)), "\n") > 0 {
		t.Errorf("install without a binary: %v, %q", err, out)
	}
}

func TestMakeInstallBuildsThenRunsTheScripts(t *testing.T) {
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make is not installed")
	}
	for target, want := range map[string]string{"install": `PREFIX="/opt/x" scripts/install.sh bin/hunch`, "uninstall": `PREFIX="/opt/x" scripts/uninstall.sh`} {
		out, err := exec.Command("make", "-n", "-C", root, target, "PREFIX=/opt/x").CombinedOutput()
		if err != nil || !strings.Contains(string(out), want) {
			t.Errorf("make -n %s: %v\n%s", target, err, out)
		}
		if target == "install" && (!strings.Contains(string(out), "scripts/build-watch.sh bin/hunch-watch") ||
			!strings.Contains(string(out), "scripts/build-watch.sh bin/hunch-camera --camera-only") ||
			!strings.Contains(string(out), "go build -tags front -o bin/hunch ./cmd/hunch")) {
			t.Errorf("make install does not build the three binaries first:\n%s", out)
		}
	}
}

func TestTheCommittedIconsAreTheAppIcon(t *testing.T) {
	for _, size := range IconSizes {
		want, err := Icon(size)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("icons", fmt.Sprintf("%dx%d.png", size, size)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("icons/%dx%d.png differs from the app icon (%v); run 'go run ./scripts/icongen'", size, size, err)
		}
	}
}
