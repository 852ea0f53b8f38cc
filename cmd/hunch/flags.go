package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags makes a flag set that reports mistakes as one line plus usage,
// never exiting the process itself.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: hunch %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; help is not an error, a mistake is errUsage.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, nil
	}
	if err != nil {
		return false, errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "hunch %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return false, errUsage
	}
	return false, nil
}
