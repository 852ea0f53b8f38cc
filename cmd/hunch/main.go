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

	"github.com/hunch-posture/hunch/vision"
)

// command is one subcommand: it parses its own flags from args and writes its
// output to stdout. A returned error is shown to the user as one line.
type command struct {
	summary string
	hidden  bool
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands lists every subcommand; each lives in a file of its own.
var commands = map[string]command{}

// errUsage marks an error already explained by a usage message.
var errUsage = errors.New("usage")

func main() {
	// One thread: Hunch runs all day beside the user's work, and a frame
	// every half second needs no more.
	vision.SetThreads(1)
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
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "hunch: unknown command %q; run 'hunch --help' to see the commands\n", name)
		return 2
	}
	err := cmd.run(ctx, args, stdout, stderr)
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
