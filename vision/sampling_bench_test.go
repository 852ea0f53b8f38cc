package vision

import (
	"context"
	"io"
	"testing"

	"gocv.io/x/gocv"
)

// BenchmarkSampledReading reads a 10 fps clip at 2 analysed frames a second:
// the frames in between are grabbed, not converted. Its ms per analysed
// frame, against reading every frame (ReadEveryFrame), shows what skipping saves.
func BenchmarkSampledReading(b *testing.B) { benchReading(b, 2) }

// BenchmarkReadEveryFrame reads and converts every frame of the same clip,
// counting per analysed frame at 2 a second (five reads each).
func BenchmarkReadEveryFrame(b *testing.B) { benchReading(b, 0) }

func benchReading(b *testing.B, rate float64) {
	clip := stillClip(b, 100, 10)
	m := gocv.NewMat()
	defer m.Close()
	b.ResetTimer()
	analysed := 0
	for i := 0; i < b.N; i++ {
		src, err := openFile(clip, rate, false)
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
