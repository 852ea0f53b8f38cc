package vision

import (
	"context"
	"io"
	"testing"

	"gocv.io/x/gocv"
)

// BenchmarkSampledReading reads a 10 fps clip at 2 analysed frames a second
// through OpenCV's videoio: the frames in between are grabbed, not
// converted. Its ms per analysed frame, against reading every frame
// (ReadEveryFrame), shows what skipping saves.
func BenchmarkSampledReading(b *testing.B) { benchReading(b, 2, asFrameSource(openFile)) }

// BenchmarkReadEveryFrame reads and converts every frame of the same clip,
// counting per analysed frame at 2 a second (five reads each).
func BenchmarkReadEveryFrame(b *testing.B) { benchReading(b, 0, asFrameSource(openFile)) }

// BenchmarkSampledClipReading reads the same clip at 2 analysed frames a
// second as Hunch reads its clips (openRecording: the file's index finds
// each analysed frame, FFmpeg decodes it, the frames in between are not
// read at all), to set against SampledReading.
func BenchmarkSampledClipReading(b *testing.B) { benchReading(b, 2, openRecording) }

// asFrameSource is open with its source seen as a frameSource.
func asFrameSource(open func(string, float64, bool) (*fileSource, error)) func(string, float64, bool) (frameSource, error) {
	return func(path string, rate float64, realtime bool) (frameSource, error) {
		return open(path, rate, realtime)
	}
}

func benchReading(b *testing.B, rate float64, open func(string, float64, bool) (frameSource, error)) {
	clip := stillClip(b, 100, 10)
	m := gocv.NewMat()
	defer m.Close()
	b.ResetTimer()
	analysed := 0
	for i := 0; i < b.N; i++ {
		src, err := open(clip, rate, false)
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := src.next(context.Background(), &m); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
		src.Close()
		analysed += 20 // 10 s at 2 analysed frames a second
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(analysed), "ms/analysed-frame")
}
