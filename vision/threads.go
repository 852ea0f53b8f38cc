package vision

/*
#cgo CXXFLAGS: --std=c++11
#include "threads.h"
*/
import "C"

// SetThreads sets how many threads OpenCV may use (gocv v0.31 does not
// expose it); 1 keeps Hunch on one core, 0 turns OpenCV's threading off.
func SetThreads(n int) { C.Hunch_SetNumThreads(C.int(n)) }

// Threads reports how many threads OpenCV may use.
func Threads() int { return int(C.Hunch_GetNumThreads()) }
