package vision

import (
	"testing"
	"time"
)

// benchObserve measures detection and analysis of face.jpg on one thread.
func benchObserve(b *testing.B, cfg Config, focused bool) {
	SetThreads(1)
	img := readImage(b, faceJPG(b))
	defer img.Close()
	p, err := OpenImages(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	if focused {
		obs, err := p.observe(img, 0)
		if err != nil || len(obs.Faces) == 0 {
			b.Fatalf("no face to focus on: %v", err)
		}
		p.SetFocus(&obs.Faces[0].Box)
		p.timings, p.frames, p.total = nil, 0, 0
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.observe(img, time.Duration(i)*time.Second/2); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	t := p.Timing()
	b.ReportMetric(t.MedianMS, "median-ms/frame")
	b.ReportMetric(t.MeanMS, "mean-ms/frame")
}

func BenchmarkObserveBlazeFace(b *testing.B) {
	benchObserve(b, Config{Detector: DetectorBlazeFace}, false)
}

func BenchmarkObserveBlazeFaceFocused(b *testing.B) {
	benchObserve(b, Config{Detector: DetectorBlazeFace}, true)
}

// BenchmarkObserveDefault is Hunch as it runs after calibration: BlazeFace
// focused on the user, segmentation refreshed every 16th frame while the
// face holds still (its cost amortised in the mean).
func BenchmarkObserveDefault(b *testing.B) {
	benchObserve(b, Config{Detector: DetectorBlazeFace, SegmentEvery: 16}, true)
}

func BenchmarkObserveCascade(b *testing.B) {
	benchObserve(b, Config{Detector: DetectorCascade}, false)
}

func BenchmarkSegmentation(b *testing.B) {
	SetThreads(1)
	img := readImage(b, faceJPG(b))
	defer img.Close()
	s, err := newPersonSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		if _, err := s.segment(img, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(time.Since(start))/float64(b.N)/1e6, "ms/frame")
}
