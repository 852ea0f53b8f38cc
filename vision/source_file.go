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
	cap      *gocv.VideoCapture
	meta     SourceInfo
	rate     float64
	realtime bool
	index    int // index of the next frame the capture will deliver
	analysed int // frames returned so far
	started  time.Time
	// The rate applies from an anchor: frame anchorN was analysed at
	// anchorAt seconds (0 and 0 until the rate first changes).
	anchorAt float64
	anchorN  int
	lastAt   float64 // input time of the latest analysed frame, in seconds
}

// defaultSequenceFPS is assumed for inputs that do not state a frame rate.
const defaultSequenceFPS = 25

// openFile opens a video file or an image-sequence pattern.
func openFile(path string, rate float64, realtime bool) (*fileSource, error) {
	quietDecoder()
	name := "input " + path
	if !strings.Contains(path, "%") {
		st, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: no such file; check the path or pass --camera N", name)
		}
		if st.IsDir() {
			return nil, fmt.Errorf("open %s: is a directory; pass a video file or a pattern like %s/%%04d.jpg", name, path)
		}
	}
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
	s := &fileSource{cap: cap, rate: rate, realtime: realtime}
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
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	target := s.index
	if s.rate > 0 {
		due := s.anchorAt + float64(s.analysed-s.anchorN)/s.rate
		target = int(math.Ceil(due*s.fps() - 1e-9))
		if target < s.index {
			target = s.index
		}
	}
	if s.meta.FrameCount > 0 && target >= s.meta.FrameCount {
		return 0, io.EOF
	}
	if skip := target - s.index; skip > 0 {
		s.cap.Grab(skip)
	}
	at := time.Duration(float64(target) / s.fps() * float64(time.Second))
	if s.realtime {
		if s.started.IsZero() {
			s.started = time.Now().Add(-at)
		}
		if err := sleepCtx(ctx, time.Until(s.started.Add(at))); err != nil {
			return 0, err
		}
	}
	if !s.cap.Read(dst) || dst.Empty() {
		if s.analysed == 0 && target == 0 {
			return 0, fmt.Errorf("read %s: no frame could be decoded; is it a video OpenCV can read?", s.meta.Name)
		}
		return 0, io.EOF
	}
	s.index = target + 1
	s.analysed++
	s.lastAt = float64(target) / s.fps()
	return at, nil
}

func (s *fileSource) setRate(fps float64) {
	if fps == s.rate {
		return
	}
	if s.analysed > 0 {
		s.anchorAt, s.anchorN = s.lastAt, s.analysed-1
	}
	s.rate = fps
}

func (s *fileSource) Close() error { return s.cap.Close() }

// quietDecoder keeps FFmpeg's own log lines (a damaged frame, a missing
// index) off the user's terminal: Hunch reports what matters in one line.
// OpenCV reads this variable when it first opens a file.
func quietDecoder() {
	if os.Getenv("OPENCV_FFMPEG_LOGLEVEL") == "" && os.Getenv("OPENCV_FFMPEG_DEBUG") == "" {
		os.Setenv("OPENCV_FFMPEG_LOGLEVEL", "-8") // AV_LOG_QUIET
	}
}
