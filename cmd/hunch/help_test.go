//go:build !front

package main

import (
	"flag"
	"strings"
	"testing"
)

func TestHelpListsEveryCommand(t *testing.T) {
	for _, arg := range []string{"--help", "-h", "-help"} {
		out, errOut, code := runCmd(t, arg)
		if code != 0 || errOut != "" || !strings.Contains(out, "Usage: hunch") || !strings.Contains(out, "hunch COMMAND --help") {
			t.Fatalf("hunch %s: exit %d, stdout %q, stderr %q", arg, code, out, errOut)
		}
		for name, c := range commands {
			if !c.hidden && !strings.Contains(out, "  "+name+" ") {
				t.Errorf("hunch %s does not list %s", arg, name)
			}
		}
	}
}

func TestEachCommandsHelpDescribesEveryFlagWithAnExample(t *testing.T) {
	sets := map[string]*commandFlags{
		"analyze":   new(analyzeFlags).flagSet(),
		"calibrate": new(calibrateFlags).flagSet(),
		"report":    new(reportFlags).flagSet(),
		"export":    new(exportFlags).flagSet(),
		"doctor":    newCommandFlags("doctor", "doctor", ""),
	}
	for name, fs := range sets {
		out, errOut, code := runCmd(t, name, "--help")
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Usage: hunch "+name) {
			t.Errorf("hunch %s --help: exit %d, stdout %q, stderr %q; want the help on stdout and exit 0", name, code, out, errOut)
			continue
		}
		if ex := "\nExample:\n  hunch " + name; !strings.Contains(out, ex) {
			t.Errorf("hunch %s --help has no example line:\n%s", name, out)
		}
		fs.VisitAll(func(f *flag.Flag) {
			if f.Usage == "" || !strings.Contains(out, "\n  -"+f.Name+" ") && !strings.Contains(out, "\n  -"+f.Name+"\n") {
				t.Errorf("hunch %s --help does not describe --%s:\n%s", name, f.Name, out)
			}
		})
	}
}

func TestAMistakeGivesOneLineAndTheUsage(t *testing.T) {
	for _, name := range []string{"analyze", "calibrate", "report", "export", "doctor"} {
		out, errOut, code := runCmd(t, name, "--no-such-flag")
		first, rest, _ := strings.Cut(errOut, "\n")
		if code != 2 || out != "" || first != "hunch "+name+": flag provided but not defined: -no-such-flag" ||
			!strings.HasPrefix(rest, "Usage: hunch "+name) {
			t.Errorf("hunch %s --no-such-flag: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
}
