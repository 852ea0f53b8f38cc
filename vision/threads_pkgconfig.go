//go:build !customenv

package vision

// OpenCV's flags for threads.cpp from pkg-config, as gocv takes them; with
// gocv's customenv tag (scripts/build-watch.sh) they come from the CGO_*
// variables instead, like gocv's own.

// #cgo !windows pkg-config: opencv4
import "C"
