//go:build !front

package main

import (
	"context"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hunch-posture/hunch/vision"
	"github.com/hunch-posture/hunch/vision/clips"
)

// The privacy tests run hunch in a child process under strace, which logs
// every socket, connection and file opened for writing by the process and
// every thread or process it starts. The child is this test binary re-run as
// TestHunchProcess, which calls the same run as main: the code under test is
// the binary's, without linking a second copy of OpenCV and Fyne.

// childEnv marks the child; its command line follows the test flags' "--".
const childEnv = "HUNCH_TEST_PROCESS"

func TestHunchProcess(t *testing.T) {
	if os.Getenv(childEnv) != "1" {
		t.Skip("the child process of the privacy tests")
	}
	vision.SetThreads(1)
	os.Exit(run(context.Background(), flag.Args(), os.Stdout, os.Stderr))
}

// traced is what a traced run did.
type traced struct {
	out     string   // stdout and stderr
	log     string   // strace's log
	sockets []string // socket and connect calls
	writes  []string // files opened for writing, created or renamed
}

// traceHunch runs hunch with args under strace, with HOME, TMPDIR and the XDG
// directories pointing into home.
func traceHunch(t *testing.T, home string, args ...string) traced {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed; run scripts/install-deps.sh test")
	}
	log := filepath.Join(t.TempDir(), "strace.log")
	cmd := exec.Command(strace, "-f", "-qq", "-o", log, "-e", "trace=socket,connect,open,openat,creat,rename,renameat,renameat2,mkdir,mkdirat",
		os.Args[0], "-test.run=^TestHunchProcess$", "--")
	cmd.Args = append(cmd.Args, args...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "HOME="+home, "TMPDIR="+filepath.Join(home, "tmp"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"), "XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_CACHE_HOME="+filepath.Join(home, "cache"))
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		// No session bus: stop D-Bus from starting one (dbus-launch) for doctor.
		cmd.Env = append(cmd.Env, "DBUS_SESSION_BUS_ADDRESS=unix:path="+filepath.Join(home, "no-bus"))
	}
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "PTRACE") || strings.Contains(string(out), "ptrace") {
		t.Skipf("strace cannot trace here: %s", out)
	}
	body, rerr := os.ReadFile(log)
	if rerr != nil {
		t.Fatalf("hunch %v under strace: %v, %s", args, err, out)
	}
	var tr traced
	tr.out, tr.log = string(out), string(body)
	writing := regexp.MustCompile(`O_WRONLY|O_RDWR|O_CREAT|^\d+\s+(creat|rename|mkdir)`)
	for _, line := range strings.Split(string(body), "\n") {
		switch {
		case strings.Contains(line, "socket(") || strings.Contains(line, "connect("):
			tr.sockets = append(tr.sockets, line)
		case writing.MatchString(line) && !strings.Contains(line, `"/dev/`):
			tr.writes = append(tr.writes, line)
		}
	}
	return tr
}

// network lists the calls that reach beyond the machine: internet sockets
// (IPv4, IPv6) or raw packets. Unix sockets (D-Bus, X) stay on it.
func network(calls []string) []string {
	var bad []string
	for _, c := range calls {
		if strings.Contains(c, "AF_INET") || strings.Contains(c, "AF_PACKET") {
			bad = append(bad, c)
		}
	}
	return bad
}

// filesUnder lists every file and folder below dir.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if p != dir {
			found = append(found, p)
		}
		return nil
	})
	return found
}

func TestAnalyzeOpensNoSocketAndWritesNothing(t *testing.T) {
	clip, _ := generatedClip(t, 5, []clips.Segment{{Kind: clips.Upright, Seconds: 6}, {Kind: clips.Slumped, Seconds: 6}}, clips.Options{})
	clipDir := filepath.Dir(clip)
	home := t.TempDir()
	os.Mkdir(filepath.Join(home, "tmp"), 0o700)
	tr := traceHunch(t, home, "analyze", "--input", clip, "--calibrate", "3", "--json")
	if !strings.Contains(tr.out, `"summary"`) || !strings.Contains(tr.log, clip) {
		t.Fatalf("analyze did not finish, or strace did not see it open the clip: %s", tr.out)
	}
	if bad := network(tr.sockets); len(bad) > 0 {
		t.Errorf("analyze opened network sockets:\n%s", strings.Join(bad, "\n"))
	}
	if len(tr.writes) > 0 {
		t.Errorf("analyze wrote files:\n%s", strings.Join(tr.writes, "\n"))
	}
	if files := filesUnder(t, home); len(files) != 1 {
		t.Errorf("analyze left files in HOME or TMPDIR: %v", files)
	}
	if files := filesUnder(t, clipDir); len(files) != 1 {
		t.Errorf("analyze left files beside the clip: %v", files)
	}
}

func TestReportExportAndDoctorOpenNoInternetSocket(t *testing.T) {
	dir := historyDir(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--data-dir", dir, "--date", "2026-05-04", "--week"}, "Posture from"},
		{[]string{"export", "--data-dir", dir, "--from", "2026-05-01", "--to", "2026-05-05"}, "alert,hunched"},
		{[]string{"doctor"}, "OpenCV"},
	} {
		tr := traceHunch(t, t.TempDir(), tc.args...)
		if !strings.Contains(tr.out, tc.want) || !strings.Contains(tr.log, "openat(") {
			t.Errorf("%s did not run, or strace saw nothing: %s", tc.args[0], tr.out)
		}
		if strings.Contains(tr.out, "✓ notifications") && len(tr.sockets) == 0 {
			t.Errorf("doctor reached the notification service, but strace saw no socket")
		}
		if bad := network(tr.sockets); len(bad) > 0 {
			t.Errorf("%s opened network sockets:\n%s", tc.args[0], strings.Join(bad, "\n"))
		}
	}
}

func TestSavedFilesArePrivate(t *testing.T) {
	clip, _ := generatedClip(t, 5, []clips.Segment{{Kind: clips.Upright, Seconds: 4}}, clips.Options{})
	dir := filepath.Join(t.TempDir(), "new", "config")
	profile := filepath.Join(dir, "profile.json")
	if _, errOut, code := runCmd(t, "calibrate", "--input", clip, "--seconds", "3", "--out", profile); code != 0 {
		t.Fatalf("calibrate: exit %d: %s", code, errOut)
	}
	export := filepath.Join(t.TempDir(), "posture.csv")
	if _, errOut, code := runCmd(t, "export", "--data-dir", historyDir(t), "--from", "2026-05-04", "--to", "2026-05-04", "--out", export); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	for path, want := range map[string]fs.FileMode{profile: 0o600, dir: 0o700, filepath.Dir(dir): 0o700, export: 0o600} {
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", path, st.Mode().Perm(), err, want)
		}
	}
}
