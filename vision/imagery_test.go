package vision

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"gocv.io/x/gocv"
)

// sharedSessionA is webcam-session-a, relative to this package's directory.
const sharedSessionA = "../../shared/testdata/webcam-session-a"

// faceJPG returns the path of gocv's real 640×480 webcam frame, skipping when absent.
func faceJPG(tb testing.TB) string {
	tb.Helper()
	p, err := FaceImagePath()
	if err != nil {
		tb.Fatalf("the embedded face picture: %v", err)
	}
	return p
}

// readImage reads a BGR image, failing the test when it cannot.
func readImage(tb testing.TB, path string) gocv.Mat {
	tb.Helper()
	m := gocv.IMRead(path, gocv.IMReadColor)
	if m.Empty() {
		m.Close()
		tb.Fatalf("cannot read %s", path)
	}
	return m
}

// sessionFrames lists webcam-session-a frames of one label ("upright" or
// "slouched"), skipping when ../shared is absent.
func sessionFrames(tb testing.TB, label string) []string {
	tb.Helper()
	dir := filepath.Join(sharedSessionA, label)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("%s absent (../shared is not here): %v", dir, err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
	sort.Strings(paths)
	return paths
}

// stillClip writes n copies of face.jpg as an MJPG clip at fps.
func stillClip(tb testing.TB, n int, fps float64) string {
	tb.Helper()
	img := readImage(tb, faceJPG(tb))
	defer img.Close()
	clip := filepath.Join(tb.TempDir(), "still.avi")
	vw, err := gocv.VideoWriterFile(clip, "MJPG", fps, img.Cols(), img.Rows(), true)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		vw.Write(img)
	}
	vw.Close()
	return clip
}
