package desktop

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Camera is a video capture device as the system names it.
type Camera struct {
	Index int    // as in --camera N (/dev/videoN)
	Name  string // "Integrated Camera: Integrated C"
}

// Label is how a settings list shows the camera.
func (c Camera) Label() string {
	if c.Name == "" {
		return fmt.Sprintf("Camera %d", c.Index)
	}
	return fmt.Sprintf("%s (%d)", c.Name, c.Index)
}

// Cameras lists the capture devices Linux knows, by the names their drivers
// give (/sys/class/video4linux/videoN/name), in index order. Elsewhere, or
// with none, it is empty. A device's second and later nodes are left out: a
// USB webcam (uvcvideo, Linux 4.16 on) has a metadata node beside its
// picture, with the same name, that gives no picture.
func Cameras() []Camera { return camerasIn("/sys/class/video4linux") }

func camerasIn(root string) []Camera {
	dirs, _ := filepath.Glob(filepath.Join(root, "video*"))
	var cams []Camera
	for _, d := range dirs {
		i, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(d), "video"))
		if err != nil {
			continue
		}
		if node, err := os.ReadFile(filepath.Join(d, "index")); err == nil && strings.TrimSpace(string(node)) != "0" {
			continue
		}
		name, _ := os.ReadFile(filepath.Join(d, "name"))
		cams = append(cams, Camera{Index: i, Name: strings.TrimSpace(string(name))})
	}
	sort.Slice(cams, func(a, b int) bool { return cams[a].Index < cams[b].Index })
	return cams
}
