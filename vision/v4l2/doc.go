// Package v4l2 reads a webcam through Linux's Video4Linux2 interface
// directly: the device's own frames (YUYV or Motion-JPEG) streamed through
// memory-mapped buffers and turned into 8-bit BGR pictures, in Go alone.
//
// It exists so that watching a camera need not load OpenCV's videoio and
// imgcodecs, whose libraries (FFmpeg, GStreamer, GDAL and the rest) are
// most of the app's memory (issue 12). It has no cgo, which also lets its
// tests run as the first process of a throwaway Linux kernel with the vivid
// test camera driver under qemu (see qemu_test.go): a real V4L2 driver on a
// machine without a camera.
package v4l2
