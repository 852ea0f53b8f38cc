//go:build !cameraonly

package vision

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"time"

	"gocv.io/x/gocv"
)

// Recordings and picture sequences are read through OpenCV's videoio, which
// the camera-only build (tag cameraonly, see source_cameraonly.go) leaves out
// with its 50 MB of libraries.

// fileSource reads a video file or an image sequence, skipping unanalysed
// frames with grab (no decode into a picture).
type fileSource struct {
	cap  *gocv.VideoCapture
	meta SourceInfo
	pace filePace
}

// defaultSequenceFPS is assumed for inputs that do not state a frame rate.
const defaultSequenceFPS = 25

// openFile opens a video file or an image-sequence pattern through
// OpenCV's videoio.
func openFile(path string, rate float64, realtime bool) (*fileSource, error) {
	quietDecoder()
	name := "input " + path
	// FFmpeg for files, OpenCV's own reader for patterns: no GStreamer noise.
	api := gocv.VideoCaptureFFmpeg
	if strings.Contains(path, "%") {
		api = gocv.VideoCaptureImages
	}
	cap, err := gocv.VideoCaptureFileWithAPI(path, api)
	if err != nil || !cap.IsOpened() {
		if cap != nil {
			cap.Close()
		}
		return nil, fmt.Errorf("open %s: not a video or image sequence OpenCV can read; convert it (e.g. MJPG .avi or MP4) or check the pattern", name)
	}
	s := &fileSource{cap: cap}
	s.meta = SourceInfo{Name: name, FPS: cap.Get(gocv.VideoCaptureFPS)}
	if n := cap.Get(gocv.VideoCaptureFrameCount); n > 0 && n < 1e9 {
		s.meta.FrameCount = int(n)
	}
	if s.meta.FPS <= 0 || s.meta.FPS > 1000 || math.IsNaN(s.meta.FPS) {
		s.meta.FPS = 0
	}
	if s.meta.FPS > 0 && s.meta.FrameCount > 0 {
		s.meta.Duration = time.Duration(float64(s.meta.FrameCount) / s.meta.FPS * float64(time.Second))
	}
	s.pace = filePace{fps: s.fps(), rate: rate, realtime: realtime}
	return s, nil
}

// fps is the frame rate used for timestamps.
func (s *fileSource) fps() float64 {
	if s.meta.FPS > 0 {
		return s.meta.FPS
	}
	return defaultSequenceFPS
}

func (s *fileSource) info() SourceInfo { return s.meta }

func (s *fileSource) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	target, at, err := s.pace.due(ctx, s.meta.FrameCount)
	if err != nil {
		return 0, err
	}
	if skip := target - s.pace.index; skip > 0 {
		s.cap.Grab(skip)
	}
	if !s.cap.Read(dst) || dst.Empty() {
		if s.pace.analysed == 0 && target == 0 {
			return 0, fmt.Errorf("read %s: no frame could be decoded; is it a video OpenCV can read?", s.meta.Name)
		}
		return 0, io.EOF
	}
	s.pace.took(target)
	return at, nil
}

func (s *fileSource) setRate(fps float64) { s.pace.setRate(fps) }

func (s *fileSource) Close() error { return s.cap.Close() }

// quietDecoder keeps FFmpeg's own log lines (a damaged frame, a missing
// index) off the user's terminal: Hunch reports what matters in one line.
// OpenCV reads this variable when it first opens a file.
func quietDecoder() {
	if os.Getenv("OPENCV_FFMPEG_LOGLEVEL") == "" && os.Getenv("OPENCV_FFMPEG_DEBUG") == "" {
		os.Setenv("OPENCV_FFMPEG_LOGLEVEL", "-8") // AV_LOG_QUIET
	}
}
