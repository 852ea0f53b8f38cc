// Command hunch watches your posture through the webcam and nudges you when you
// hunch. With no subcommand it starts the desktop app; the subcommands analyse
// recordings, calibrate, report and check the machine.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// runner is one subcommand's work: it parses its own flags from args and
// writes its output to stdout. A returned error is shown to the user as one
// line.
type runner func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// command is one subcommand as help lists it.
type command struct {
	summary string
	hidden  bool
}

// commands lists every subcommand, in both builds (see build_front.go).
var commands = map[string]command{
	"analyze":   {summary: "analyse a recording or a camera and print the posture frame by frame"},
	"app":       {summary: "start the desktop app (the default when no command is given)", hidden: true},
	"calibrate": {summary: "measure your upright posture and save it as a profile"},
	"doctor":    {summary: "check OpenCV, the cameras, the calibration, notifications, the tray and the history folder"},
	"eval":      {summary: "measure Hunch on the labelled real people in ../shared", hidden: true},
	"export":    {summary: "export the history of some days as CSV or JSON"},
	"fit":       {summary: "fit the posture judgement's weights (writes monitor/model.json)", hidden: true},
	"report":    {summary: "show how you sat on a day or over a week"},
}

// runners holds the subcommands this build runs itself; each lives in a
// file of its own and registers here.
var runners = map[string]runner{}

// errUsage marks an error already explained by a usage message.
var errUsage = errors.New("usage")

// atStart, when set by the build, prepares the process before any command.
var atStart func()

// handOver, when set by the build, may run a command that failed with err
// in another build instead; it returns err when it does not (build_camera.go).
var handOver func(name string, args []string, err error) error

func main() {
	if atStart != nil {
		atStart()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfile := startProfile()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and turns its error into an exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	name := "app"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	} else if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		printHelp(stdout)
		return 0
	}
	if _, ok := commands[name]; !ok {
		fmt.Fprintf(stderr, "hunch: unknown command %q; run 'hunch --help' to see the commands\n", name)
		return 2
	}
	do := runners[name]
	if do == nil {
		do = elsewhere
	}
	err := do(ctx, args, stdout, stderr)
	if err != nil && handOver != nil {
		err = handOver(name, args, err)
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintf(stderr, "hunch %s: %v\n", name, err)
		return 1
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Hunch watches your posture through the webcam and nudges you when you hunch.")
	fmt.Fprintln(w, "\nUsage: hunch [command] [flags]   (no command starts the app)\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'hunch COMMAND --help' for a command's flags, and 'hunch app --help' for the app's")
	fmt.Fprintln(w, "(--camera N, --input FILE, --demo, --profile FILE, --data-dir DIR, --onset D).")
	fmt.Fprintln(w, "\nExamples:")
	fmt.Fprintln(w, "  hunch                                    start the app on the first camera")
	fmt.Fprintln(w, "  hunch --demo                             see Hunch calibrate, catch a slouch and alert")
	fmt.Fprintln(w, "  hunch analyze --input clip.mp4 --json    judge a recording frame by frame")
	fmt.Fprintln(w, "  hunch report --week                      how the last seven days went")
}
