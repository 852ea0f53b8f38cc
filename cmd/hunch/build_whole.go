//go:build !front && !cameraonly

package main

import (
	"context"
	"fmt"
	"io"
)

// elsewhere is never reached in the whole build: every command registers here.
func elsewhere(_ context.Context, _ []string, _, _ io.Writer) error {
	return fmt.Errorf("this command is missing from this build of Hunch; rebuild with 'make build'")
}
