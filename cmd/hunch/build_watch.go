//go:build !front

package main

import (
	"context"
	"fmt"
	"io"

	"github.com/hunch-posture/hunch/vision"
)

// This is the whole of Hunch: every command runs here. 'make build' installs
// it as hunch-watch, beside the front (build_front.go) that users type.

func init() {
	// One thread: Hunch runs all day beside the user's work, and a frame
	// every half second needs no more.
	atStart = func() { vision.SetThreads(1) }
}

// elsewhere is never reached in this build: every command registers here.
func elsewhere(_ context.Context, _ []string, _, _ io.Writer) error {
	return fmt.Errorf("this command is missing from this build of Hunch; rebuild with 'make build'")
}
