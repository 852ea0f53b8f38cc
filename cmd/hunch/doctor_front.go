//go:build front

package main

import (
	"fmt"
	"io"
)

// modelsLoadHere: the front has no OpenCV; 'doctor --models' is hunch-watch's.
const modelsLoadHere = false

// doctorOpenCV checks that every library hunch-watch needs is installed,
// without loading one.
func doctorOpenCV() (string, error) {
	watch, err := watchPath()
	if err != nil {
		return "", err
	}
	return checkLibraries(watch, librarySearchDirs())
}

// doctorModels says where the models are and how to check them: loading
// them takes OpenCV, which the front does not load.
func doctorModels(stdout io.Writer, _ doctorCheck) {
	fmt.Fprintf(stdout, "· %-14s embedded in %s; 'hunch doctor --models' loads them into OpenCV\n", "models", watchBinary)
}
