package history

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// childEnv makes the test binary act as a recording Hunch process: the usual
// Go pattern of re-executing the test binary for a test that needs a process
// to kill.
const childEnv = "HUNCH_HISTORY_TEST_CHILD"

var crashBase = time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		child(mode, os.Getenv(childEnv+"_DIR"))
		return
	}
	os.Exit(m.Run())
}

// child records into dir: "write" writes half-second spans as fast as it can,
// printing "committed N" each time a minute has been written; "hold" just
// holds the store open.
func child(mode, dir string) {
	s, err := Open(context.Background(), dir, Options{Location: time.UTC, Retention: -1})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	if mode == "hold" {
		select {}
	}
	rec := NewRecorder(s)
	for i := 0; ; i++ {
		p, k := Upright, ""
		if (i/120)%3 == 2 {
			p, k = Slouched, "hunched"
		}
		if err := rec.AddSpan(crashBase.Add(time.Duration(i)*500*time.Millisecond), 500*time.Millisecond, p, k); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		if i%120 == 0 && i > 0 {
			rec.AddEvent(Event{At: crashBase.Add(time.Duration(i) * 500 * time.Millisecond), Kind: EventAlert, Detail: strings.Repeat("x", 200)})
			fmt.Println("committed", i/120)
		}
	}
}

// startChild runs the test binary as a child in the given mode and returns it
// with its stdout lines.
func startChild(t *testing.T, mode, dir string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+mode, childEnv+"_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "ready" {
		t.Fatalf("child did not start: %q", sc.Text())
	}
	return cmd, sc
}

func TestSIGKILLWhileRecordingLosesAtMostTheLastMinute(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for round := 0; round < 3; round++ {
		dir := t.TempDir()
		cmd, sc := startChild(t, "write", dir)
		reader, err := Open(ctx, dir, Options{Location: time.UTC, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		committed := 0
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "error") {
				t.Fatal(line)
			}
			committed, _ = strconv.Atoi(strings.TrimPrefix(line, "committed "))
			if committed%50 == 0 {
				// A report while the other process writes.
				if _, err := reader.Day(ctx, crashBase); err != nil {
					t.Fatalf("report during recording: %v", err)
				}
			}
			if committed >= 200+round*150 {
				break
			}
		}
		time.Sleep(time.Duration(round) * 3 * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		reader.Close()

		s := mustOpen(t, dir, Options{Location: time.UTC, Retention: -1}) // the lock died with the child
		var res string
		if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
			t.Fatalf("integrity_check: %q, %v", res, err)
		}
		ms, err := s.Minutes(ctx, crashBase, crashBase.Add(365*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) < committed {
			t.Fatalf("round %d: %d minutes stored, but the child had committed %d", round, len(ms), committed)
		}
		for i, m := range ms {
			if !m.Start.Equal(crashBase.Add(time.Duration(i)*time.Minute)) || m.Monitored() != time.Minute {
				t.Fatalf("round %d: minute %d is %v with %v monitored; want whole minutes in order", round, i, m.Start, m.Monitored())
			}
		}
		var monitored, present float64
		alerts := 0
		for d := 0; d <= len(ms)/1440; d++ { // a fast child may write past the first day
			r := mustDay(t, s, crashBase.AddDate(0, 0, d))
			monitored, present, alerts = monitored+r.MonitoredS, present+r.UprightS+r.SlouchedS, alerts+r.Alerts
		}
		if monitored != float64(60*len(ms)) || present != monitored {
			t.Fatalf("round %d: reports total %v s monitored, %v s present, for %d minutes", round, monitored, present, len(ms))
		}
		ev, _ := s.Events(ctx, crashBase, crashBase.Add(time.Duration(len(ms)+1)*time.Minute))
		if len(ev) < committed-1 || alerts != len(ev) {
			t.Fatalf("round %d: %d events, %d alerts counted, %d committed", round, len(ev), alerts, committed)
		}
		t.Logf("round %d: killed after %d committed minutes; %d stored, integrity ok", round, committed, len(ms))
		s.Close()
	}
}

func TestASecondProcessIsRefusedNamingTheFirst(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	cmd, _ := startChild(t, "hold", dir)
	_, err := Open(ctx, dir, Options{})
	var le *LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("err = %v, want *LockedError naming pid %d", err, cmd.Process.Pid)
	}
	t.Log(err)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	mustOpen(t, dir, Options{}) // no stale lock after a crash
}
