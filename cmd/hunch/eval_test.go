//go:build !front && !cameraonly

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sharedDir is ../shared from the repository root, or skips the test.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "testdata", "webcam-people-b", "people.csv")); err != nil {
		t.Skipf("the labelled real frames are not here (%s): this test runs only beside ../shared", dir)
	}
	return dir
}

// The evaluation leaves each person out of the weights that judge them, and
// holds to what it measured when these figures were last accepted (the
// issue's targets are higher: see the README): a change that makes the
// judgement worse on people it never saw fails here. The lowest is
// webcam-session-a, whose slouch (sitting back, lower) looks like p1's
// upright sitting back: see the README's limits.
func TestEvalJudgesEachPersonWithWeightsFittedWithoutThem(t *testing.T) {
	shared := sharedDir(t)
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"eval", "--shared", shared, "--compare=false"}, &out, &errOut); code != 0 {
		t.Fatalf("eval exited %d: %s", code, errOut.String())
	}
	t.Log("\n" + out.String())
	rows := map[string][]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		cols := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1)
		rows[cols[0]] = cols
	}
	for _, want := range []string{"p1", "p2", "p3 A", "session-a", "q1", "q2", "generated face.jpg"} {
		if len(rows[want]) < 14 {
			t.Fatalf("the table lacks a full row for %q:\n%s", want, out.String())
		}
	}
	if p1 := rows["p1"]; p1[10] != "0" {
		t.Errorf("p1, who only sits well, got %s alerts", p1[10])
	}
	sum := rows["5 people with both labels"]
	if len(sum) < 7 {
		t.Fatalf("no summary line:\n%s", out.String())
	}
	floors := []struct {
		name     string
		col      int
		min, avg float64
	}{{"upright only", 4, 0.40, 0.85}, {"with a slouch sample", 5, 0.97, 0.99}}
	for _, f := range floors {
		var lo, mean float64
		if _, err := fmt.Sscanf(sum[f.col], "min %g%% mean %g%%", &lo, &mean); err != nil {
			t.Fatalf("summary %q: %v", sum[f.col], err)
		}
		if lo/100 < f.min || mean/100 < f.avg {
			t.Errorf("%s, left out: lowest %.1f%%, mean %.1f%%; they were at least %.0f%% and %.0f%%", f.name, lo, mean, 100*f.min, 100*f.avg)
		}
	}
	// The 45 s slouches: session-a's without a sample is missed (his slouch
	// is read upright, above); every other one alerts once, his with his
	// sample and q2's too, though her camera is reported moved during it.
	var once, of int
	m := regexp.MustCompile(`(\d+) of (\d+) once in 35 s`).FindStringSubmatch(strings.Join(sum, "  "))
	if m == nil {
		t.Fatalf("no count of 45 s slouches in the summary %q", sum)
	}
	fmt.Sscan(m[1], &once)
	fmt.Sscan(m[2], &of)
	if of != 10 || once < 9 {
		t.Errorf("45 s slouches alerted once: %d of %d, they were 9 of 10", once, of)
	}
}

// The clips that measure the shipped weights on people they never saw are
// generated from those people only, one good frame each.
func TestGeneratedUnseenClipsComeFromPeopleTheShippedWeightsNeverSaw(t *testing.T) {
	testdata := filepath.Join(sharedDir(t), "testdata")
	bases, err := unseenBases(testdata)
	if err != nil {
		t.Fatal(err)
	}
	var people []string
	for _, b := range bases {
		people = append(people, strings.TrimSuffix(b.person, generatedFrom))
		if !strings.Contains(filepath.ToSlash(b.path), "/good/") {
			t.Errorf("%s is generated from %s, not a good frame", b.name, b.path)
		}
	}
	if got, want := strings.Join(people, " "), "p1 p2 p3 q1 q2"; got != want {
		t.Errorf("generated from %q, want %q (everyone but the redistributable session-a)", got, want)
	}
}
