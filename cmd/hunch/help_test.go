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
		"doctor":    new(doctorFlags).flagSet(),
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

// TestABadValueIsSaidPlainly: a value the flag package cannot parse, or a
// missing one, is said as the user typed it, with what the flag takes.
func TestABadValueIsSaidPlainly(t *testing.T) {
	for args, want := range map[string]string{
		"analyze --onset banana":     `hunch analyze: --onset "banana": want a length of time such as 20s, 90s or 1m30s`,
		"analyze --fps x":            `hunch analyze: --fps "x": want a number such as 2`,
		"analyze --segment-every .5": `hunch analyze: --segment-every ".5": want a whole number such as 16`,
		"analyze --json=maybe":       `hunch analyze: --json "maybe": want true or false`,
		"calibrate --camera two":     `hunch calibrate: --camera "two": want a whole number such as 0`,
		"export --from":              `hunch export: --from needs a value: first day: YYYY-MM-DD, today or yesterday (required)`,
	} {
		_, errOut, code := runCmd(t, strings.Fields(args)...)
		if first, _, _ := strings.Cut(errOut, "\n"); code != 2 || first != want {
			t.Errorf("hunch %s: exit %d, first line %q, want %q", args, code, first, want)
		}
	}
}

func TestAMistakeGivesOneLineAndTheUsage(t *testing.T) {
	for _, name := range []string{"analyze", "calibrate", "report", "export", "doctor"} {
		out, errOut, code := runCmd(t, name, "--no-such-flag")
		first, rest, _ := strings.Cut(errOut, "\n")
		if code != 2 || out != "" || first != "hunch "+name+": --no-such-flag is not an option of hunch "+name+" (see hunch "+name+" --help)" ||
			!strings.HasPrefix(rest, "Usage: hunch "+name) {
			t.Errorf("hunch %s --no-such-flag: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
	}
}
