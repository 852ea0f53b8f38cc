package vision

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// gocvModule is the gocv module version whose sample images Hunch uses.
const gocvModule = "gocv.io/x/gocv@v0.31.0"

// FaceImagePath finds gocv's sample webcam frame (images/face.jpg, a real
// 640×480 upright face) in the Go module cache: the base frame for generated
// clips and the reference image for tests and benchmarks.
func FaceImagePath() (string, error) {
	var dirs []string
	if d := os.Getenv("GOMODCACHE"); d != "" {
		dirs = append(dirs, d)
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		dirs = append(dirs, strings.TrimSpace(string(out)))
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go", "pkg", "mod"))
	}
	for _, d := range dirs {
		p := filepath.Join(d, gocvModule, "images", "face.jpg")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("find %s/images/face.jpg: not in the module cache; run go mod download %s", gocvModule, gocvModule)
}
