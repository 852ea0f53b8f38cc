//go:build !front

package main

import "github.com/hunch-posture/hunch/vision"

// This is the whole of Hunch (installed as hunch-watch) or, built with the
// cameraonly tag, the part of it that watches a camera (hunch-camera); see
// installed.go.

func init() {
	// One thread: Hunch runs all day beside the user's work, and a frame
	// every half second needs no more.
	atStart = func() { vision.SetThreads(1) }
}
