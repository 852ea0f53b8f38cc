// Package ffmpeg decodes the Motion-JPEG frames of our clips with FFmpeg's
// decoder and converts them to BGR exactly as OpenCV's FFmpeg capture does,
// so that a clip read here gives the same pixels, and the same verdicts, as
// it did through OpenCV's videoio.
//
// FFmpeg's libraries are opened with dlopen when the first decoder is made,
// not linked: the camera-only build (hunch-camera) loads them only when it
// is asked to read a clip, so watching a camera does not pay for them.
// Where they cannot be opened, Open says so and the caller hands the clip to
// OpenCV.
package ffmpeg
