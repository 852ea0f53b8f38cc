package vision

import (
	"image"
	"sort"
	"testing"
	"time"

	"gocv.io/x/gocv"
)

// benchObserve measures detection and analysis of face.jpg on one thread,
// looked at in every frame (the same picture again would otherwise reuse
// the first frame's analysis: see BenchmarkStillPictures for that saving).
func benchObserve(b *testing.B, cfg Config, focused bool) {
	SetThreads(1)
	cfg.AnalyseEvery = true
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

// BenchmarkFacePathAgainstBareBlazeFace times, in turn within one run, one
// bare BlazeFace forward pass (the input already filled) and one analysed
// frame on the face path (BlazeFace focused on the user, landmarks,
// shoulders; no segmentation), and reports the ratio of their medians: the
// cost of everything Hunch does around the network.
func BenchmarkFacePathAgainstBareBlazeFace(b *testing.B) {
	SetThreads(1)
	img := readImage(b, faceJPG(b))
	defer img.Close()
	p, err := OpenImages(Config{Detector: DetectorBlazeFace, AnalyseEvery: true})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	obs, err := p.observe(img, 0)
	if err != nil || len(obs.Faces) == 0 {
		b.Fatalf("no face to focus on: %v", err)
	}
	p.SetFocus(&obs.Faces[0].Box)
	bare, err := newBlazeFace()
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	if _, err := bare.input.fill(img, image.Rect(0, 0, img.Cols(), img.Rows())); err != nil {
		b.Fatal(err)
	}
	var bareMS, pathMS []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		bare.net.SetInput(bare.input.blob, "")
		outs := bare.net.ForwardLayers(blazeOutputs)
		for k := range outs {
			outs[k].Close()
		}
		bareMS = append(bareMS, float64(time.Since(start))/1e6)
		start = time.Now()
		if _, err := p.observe(img, time.Duration(i+1)*time.Second/2); err != nil {
			b.Fatal(err)
		}
		pathMS = append(pathMS, float64(time.Since(start))/1e6)
	}
	b.StopTimer()
	mb, mp := medianOf(bareMS), medianOf(pathMS)
	b.ReportMetric(mb, "bare-blazeface-median-ms")
	b.ReportMetric(mp, "face-path-median-ms")
	b.ReportMetric(mp/mb, "x-bare-blazeface")
}

// medianOf is the middle value of xs (sorted in place).
func medianOf(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// BenchmarkStillPictures shows what not looking again at an unchanged
// picture saves: the real webcam-session-a frames (upright, then slouched),
// each held 8 s at 1 analysed frame a second with sensor noise, as a user
// who changes posture every 8 s (most sit still far longer), observed with
// the default pipeline and with AnalyseEvery, alternately in the same run.
func BenchmarkStillPictures(b *testing.B) {
	SetThreads(1)
	paths := append(sessionFrames(b, "upright"), sessionFrames(b, "slouched")...)
	var frames []gocv.Mat
	defer func() {
		for _, f := range frames {
			f.Close()
		}
	}()
	for _, path := range paths {
		frames = append(frames, readImage(b, path))
	}
	noise, frame := gocv.NewMatWithSize(frames[0].Rows(), frames[0].Cols(), frames[0].Type()), gocv.NewMat()
	defer noise.Close()
	defer frame.Close()
	run := func(cfg Config) (ms float64, still int) {
		p, err := OpenImages(cfg)
		if err != nil {
			b.Fatal(err)
		}
		defer p.Close()
		var spent time.Duration
		n := 0
		for _, img := range frames {
			for k := 0; k < 8; k++ {
				gocv.RandU(&noise, gocv.NewScalar(0, 0, 0, 0), gocv.NewScalar(5, 5, 5, 0))
				gocv.Add(img, noise, &frame)
				start := time.Now() // the observation alone, not the noise
				if _, err := p.observe(frame, time.Duration(n)*time.Second); err != nil {
					b.Fatal(err)
				}
				spent += time.Since(start)
				n++
			}
		}
		return float64(spent) / 1e6 / float64(n), p.Timing().Still * 100 / n
	}
	var skipMS, everyMS []float64
	still := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms, s := run(Config{Detector: DetectorBlazeFace, SegmentEvery: defaultSegmentEvery})
		skipMS, still = append(skipMS, ms), s
		ms, _ = run(Config{Detector: DetectorBlazeFace, SegmentEvery: defaultSegmentEvery, AnalyseEvery: true})
		everyMS = append(everyMS, ms)
	}
	b.StopTimer()
	ms, me := medianOf(skipMS), medianOf(everyMS)
	b.ReportMetric(ms, "default-ms/frame")
	b.ReportMetric(me, "analyse-every-ms/frame")
	b.ReportMetric(ms/me, "x-analyse-every")
	b.ReportMetric(float64(still), "%-frames-reused")
}
