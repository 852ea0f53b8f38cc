// Package clips makes test videos with known truth from real frames: an
// upright webcam frame transformed into leaning in, slumping, hunching,
// glances, turning aside, an empty chair or a second face; or a list of real
// labelled frames written as a clip. The videos are MJPG in .avi, which
// Debian's OpenCV writes and reads without extra codecs.
package clips
