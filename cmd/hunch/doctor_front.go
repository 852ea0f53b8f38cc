//go:build front

package main

import (
	"fmt"
	"io"
	"strings"
)

// modelsLoadHere: the front has no OpenCV; 'doctor --models' is hunch-camera's.
const modelsLoadHere = false

// doctorOpenCV checks that every library hunch-camera and hunch-watch need
// is installed, without loading one. An install from before hunch-camera
// was split off has hunch-watch alone, which then runs every command.
func doctorOpenCV() (string, error) {
	opencv, dirs := "", librarySearchDirs()
	var needs []string
	for _, name := range []string{cameraBinary, watchBinary} {
		path, err := installedBeside(name)
		if err != nil && name == cameraBinary {
			continue
		}
		if err != nil {
			return "", err
		}
		v, n, err := checkLibraries(path, dirs)
		if err != nil {
			return "", err
		}
		opencv = v
		needs = append(needs, fmt.Sprintf("the %d libraries %s needs", n, name))
	}
	return fmt.Sprintf("%s, with %s, all installed", opencv, strings.Join(needs, " and ")), nil
}

// doctorModels says where the models are and how to check them: loading
// them takes OpenCV, which the front does not load.
func doctorModels(stdout io.Writer, _ doctorCheck) {
	fmt.Fprintf(stdout, "· %-14s embedded in %s and %s; 'hunch doctor --models' loads them into OpenCV\n", "models", cameraBinary, watchBinary)
}
