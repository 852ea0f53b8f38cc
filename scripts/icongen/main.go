// Command icongen draws the application icon at every hicolor size into
// packaging/icons/, from the icon the app itself shows (gui.AppIcon).
// Run it from the repository root after changing the icon:
//
//	go run ./scripts/icongen
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hunch-posture/hunch/packaging"
)

func main() {
	dir := filepath.Join("packaging", "icons")
	for _, size := range packaging.IconSizes {
		png, err := packaging.Icon(size)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%dx%d.png", size, size)), png, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "icongen: %v; run it from the repository root\n", err)
			os.Exit(1)
		}
	}
}
