//go:build front

package main

import (
	"context"
	"io"
	"os"
	"slices"
	"strings"
)

// The front: 'go build -tags front' leaves out every command that watches a
// camera or a recording, or opens a window (and with them OpenCV's shared
// libraries and Fyne's). What it keeps (help, report, export, doctor) starts
// in milliseconds; any other command is handed to the program that runs it
// (see installed.go), which replaces this process.

// elsewhere runs the command in hunch-camera or hunch-watch, in place of
// this process.
func elsewhere(_ context.Context, _ []string, _, _ io.Writer) error {
	args := os.Args[1:]
	return runInstead(runnerFor(args, installedBeside), args)
}

// wholeOnlyCommands are the commands only the whole build has: both read
// recordings and write clips.
var wholeOnlyCommands = map[string]bool{"eval": true, "fit": true}

// wholeOnlyFlags are the flags only the whole build can act on: the demo,
// whose clip is drawn with OpenCV's imgcodecs and videoio. A recording
// (--input) goes to the camera-only build, which reads Motion-JPEG AVI
// clips itself and hands anything else to the whole build.
var wholeOnlyFlags = []string{"demo"}

// runnerFor is which program runs the command line args (without the
// program's name): the whole build for what only it can do, else the
// camera-only one when it is installed (an install from before it was
// split off has only the whole build).
func runnerFor(args []string, installed func(string) (string, error)) string {
	if needsWholeBuild(args) {
		return watchBinary
	}
	if _, err := installed(cameraBinary); err != nil {
		return watchBinary
	}
	return cameraBinary
}

// needsWholeBuild reports whether the command line names a command or a
// flag only the whole build has, as -flag, --flag, or either with =value.
func needsWholeBuild(args []string) bool {
	if len(args) > 0 && wholeOnlyCommands[args[0]] {
		return true
	}
	for _, a := range args {
		if a == "--" {
			break // what follows is not a flag
		}
		if !strings.HasPrefix(a, "-") {
			continue // a command or a flag's value
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if slices.Contains(wholeOnlyFlags, name) {
			return true
		}
	}
	return false
}
