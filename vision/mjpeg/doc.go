// Package mjpeg reads and writes Motion-JPEG, in Go alone: a webcam's
// JPEG frames decoded into BGR pictures, and AVI files of such frames (what
// vision/clips writes and `hunch analyze --input` reads), by frame number,
// so that frames not analysed are never decoded.
//
// It is part of issue 12's way to a watch binary that does not load
// OpenCV's videoio and imgcodecs.
package mjpeg
