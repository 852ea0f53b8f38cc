package vision

import "errors"

// ErrNotInThisBuild is what the camera-only build of Hunch (built with the
// cameraonly tag, installed as hunch-camera) says of what only the whole
// build (hunch-watch) can read: recordings, picture files, and cameras that
// only OpenCV's capture can read. It links neither OpenCV's videoio nor its
// imgcodecs, and with them 50 MB of libraries, so that watching a camera all
// day costs less; a command that meets this error is handed to the whole
// build.
var ErrNotInThisBuild = errors.New("this needs Hunch's whole build (hunch-watch), which reads recordings and the cameras only OpenCV can read")
