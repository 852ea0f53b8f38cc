package vision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision/ffmpeg"
	"github.com/hunch-posture/hunch/vision/mjpeg"
)

// clipSource reads a Motion-JPEG AVI without OpenCV's videoio.
type clipSource struct {
	clip *mjpeg.Reader
	dec  *ffmpeg.Decoder
	meta SourceInfo
	pace filePace
	jpeg []byte // the latest frame as stored
	bgr  []byte // and decoded
}

// errEmptyClip is a clip whose header gives no frames, no picture size or
// no frame rate, left to OpenCV to read or to report.
var errEmptyClip = errors.New("no frames, picture size or frame rate in its header")

// openClip opens path as a Motion-JPEG AVI; any error leaves the file to
// another reader.
func openClip(path string, rate float64, realtime bool) (*clipSource, error) {
	clip, err := mjpeg.OpenAVI(path)
	if err != nil {
		return nil, err
	}
	if w, h := clip.Size(); clip.Len() == 0 || w <= 0 || h <= 0 || !(clip.FPS() > 0 && clip.FPS() <= 1000) {
		clip.Close()
		return nil, errEmptyClip
	}
	dec, err := ffmpeg.Open()
	if err != nil {
		clip.Close()
		return nil, err
	}
	w, h := clip.Size()
	s := &clipSource{clip: clip, dec: dec, bgr: make([]byte, w*h*3)}
	s.meta = SourceInfo{Name: "input " + path, FPS: clip.FPS(), FrameCount: clip.Len()}
	s.meta.Duration = time.Duration(float64(clip.Len()) / clip.FPS() * float64(time.Second))
	s.pace = filePace{fps: clip.FPS(), rate: rate, realtime: realtime}
	return s, nil
}

func (s *clipSource) info() SourceInfo { return s.meta }

func (s *clipSource) next(ctx context.Context, dst *gocv.Mat) (time.Duration, error) {
	target, at, err := s.pace.due(ctx, s.meta.FrameCount)
	if err != nil {
		return 0, err
	}
	w, h := s.clip.Size()
	if s.jpeg, err = s.clip.Frame(target, s.jpeg); err == nil {
		err = s.dec.DecodeBGR(s.bgr, s.jpeg, w, h)
	}
	if err == nil {
		err = bgrIntoMat(s.bgr, w, h, dst)
	}
	if err != nil {
		return 0, fmt.Errorf("read %s: frame %d: %w; the file may be damaged", s.meta.Name, target, err)
	}
	s.pace.took(target)
	return at, nil
}

func (s *clipSource) setRate(fps float64) { s.pace.setRate(fps) }

func (s *clipSource) Close() error {
	s.dec.Close()
	return s.clip.Close()
}
