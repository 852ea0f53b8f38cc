package vision

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/vision/ffmpeg"
	"github.com/hunch-posture/hunch/vision/mjpeg"
)

// openRecording opens a recording or a picture-sequence pattern. A
// Motion-JPEG AVI, which is what Hunch's own clips are, is read here in
// either build: each analysed frame found by the file's index and decoded
// by FFmpeg to the very pixels OpenCV's capture gives, the frames between
// never decoded. Anything else goes to OpenCV's videoio (openFile), which
// only the whole build has.
func openRecording(path string, rate float64, realtime bool) (frameSource, error) {
	if !strings.Contains(path, "%") {
		name := "input " + path
		st, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: no such file; check the path or pass --camera N", name)
		}
		if st.IsDir() {
			return nil, fmt.Errorf("open %s: is a directory; pass a video file or a pattern like %s/%%04d.jpg", name, path)
		}
		if s, err := openClip(path, rate, realtime); err == nil {
			return s, nil
		}
	}
	f, err := openFile(path, rate, realtime)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// clipSource reads a Motion-JPEG AVI without OpenCV's videoio.
type clipSource struct {
	clip *mjpeg.Reader
	dec  *ffmpeg.Decoder
	meta SourceInfo
	pace filePace
	jpeg []byte // the latest frame as stored
	bgr  []byte // and decoded
}

// errEmptyClip is a clip with no frames or no frame rate, left to OpenCV
// to read or to report.
var errEmptyClip = errors.New("no frames or no frame rate in its header")

// openClip opens path as a Motion-JPEG AVI; any error leaves the file to
// another reader.
func openClip(path string, rate float64, realtime bool) (*clipSource, error) {
	clip, err := mjpeg.OpenAVI(path)
	if err != nil {
		return nil, err
	}
	if clip.Len() == 0 || !(clip.FPS() > 0 && clip.FPS() <= 1000) {
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
