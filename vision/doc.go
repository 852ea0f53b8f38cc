// Package vision turns camera and video frames into monitor.Observation
// values: it owns frame sources, the face detectors (BlazeFace, with a Haar
// cascade fallback), the classical shoulder estimate and the optional person
// segmentation. It is the only package that uses OpenCV; no Mat leaves it.
package vision
