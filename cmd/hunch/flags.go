package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// printUsage writes a command's usage line, every flag with its description
// and, when there is one, an example to the flag set's output.
func printUsage(fs *flag.FlagSet, usage, example string) {
	fmt.Fprintf(fs.Output(), "Usage: hunch %s\n\nFlags:\n", usage)
	fs.PrintDefaults()
	if example != "" {
		fmt.Fprintf(fs.Output(), "\nExample:\n  %s\n", example)
	}
}

// commandFlags is a subcommand's flag set with its help: --help prints the
// usage, every flag and an example to stdout; a mistake prints one line and
// the usage to stderr.
type commandFlags struct {
	*flag.FlagSet
	usage, example string
}

// newCommandFlags makes the flag set of subcommand name.
func newCommandFlags(name, usage, example string) *commandFlags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {} // parse prints the usage, to the right stream
	return &commandFlags{FlagSet: fs, usage: usage, example: example}
}

// usageError is a mistake in the command line, already shown to the user
// with the usage; it is errUsage.
type usageError struct{ msg string }

func (e usageError) Error() string        { return e.msg }
func (e usageError) Is(target error) bool { return target == errUsage }

// parse reads args. help is true when --help was asked for and answered; a
// mistake returns a usageError after explaining it on stderr.
func (c *commandFlags) parse(args []string, stdout, stderr io.Writer) (help bool, err error) {
	c.SetOutput(io.Discard)
	err = c.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.printHelp(stdout)
		return true, nil
	case err != nil:
		return false, c.fail(stderr, "%s", oneLine(c.plainly(err)))
	case c.NArg() > 0:
		return false, c.fail(stderr, "unexpected argument %q", c.Arg(0))
	}
	return false, nil
}

// fail explains a mistake on stderr, one line then the usage, and returns it
// as a usageError.
func (c *commandFlags) fail(stderr io.Writer, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(stderr, "hunch %s: %s\n", c.Name(), msg)
	c.SetOutput(stderr)
	printUsage(c.FlagSet, c.usage, "")
	return usageError{msg}
}

// printHelp writes the whole help to w.
func (c *commandFlags) printHelp(w io.Writer) {
	c.SetOutput(w)
	printUsage(c.FlagSet, c.usage, c.example)
}

// oneLine escapes the line breaks of a message made from user input.
// plainly says a flag's bad value as the user typed it and what it takes,
// where the flag package says "invalid value "x" for flag -fps: parse error".
func (c *commandFlags) plainly(err error) string {
	var value, name string
	if _, serr := fmt.Sscanf(err.Error(), "flag needs an argument: -%s", &name); serr == nil && c.Lookup(name) != nil {
		_, usage := flag.UnquoteUsage(c.Lookup(name))
		return fmt.Sprintf("--%s needs a value: %s", name, usage)
	}
	if _, serr := fmt.Sscanf(err.Error(), "flag provided but not defined: -%s", &name); serr == nil {
		return fmt.Sprintf("--%s is not an option of hunch %s (see hunch %s --help)", name, c.Name(), c.Name())
	}
	if _, serr := fmt.Sscanf(err.Error(), "invalid value %q for flag -%s", &value, &name); serr != nil {
		if _, serr := fmt.Sscanf(err.Error(), "invalid boolean value %q for -%s", &value, &name); serr != nil {
			return err.Error()
		}
	}
	name = strings.TrimSuffix(name, ":")
	f := c.Lookup(name)
	if f == nil {
		return err.Error()
	}
	example := f.DefValue
	if strings.HasPrefix(example, "-") { // "none" defaults such as --camera -1
		example = "0"
	}
	want := map[string]string{
		"*flag.durationValue": "a length of time such as 20s, 90s or 1m30s",
		"*flag.float64Value":  "a number such as " + example,
		"*flag.intValue":      "a whole number such as " + example,
		"*flag.boolValue":     "true or false",
	}[fmt.Sprintf("%T", f.Value)]
	if want == "" {
		return err.Error()
	}
	return fmt.Sprintf("--%s %q: want %s", name, value, want)
}

func oneLine(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`).Replace(s)
}
