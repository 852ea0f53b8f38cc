//go:build matprofile

package vision

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"gocv.io/x/gocv"
)

// TestMatProfileFlatOverALoopedClipThroughTheLiveSource plays a two-second
// clip of a real webcam frame as a camera that is unplugged at the end of
// every loop and reconnected, with the rate changing as adaptive sampling
// changes it, through the whole pipeline (BlazeFace, shoulders,
// segmentation every 16th frame) for 3,000 frames. After a 500-frame
// warm-up, no Mat, goroutine or live Go heap may accumulate.
func TestMatProfileFlatOverALoopedClipThroughTheLiveSource(t *testing.T) {
	SetThreads(1)
	img := readImage(t, faceJPG(t))
	clip := filepath.Join(t.TempDir(), "loop.avi")
	vw, err := gocv.VideoWriterFile(clip, "MJPG", 25, img.Cols(), img.Rows(), true)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		// A moving mark, as sensor noise would, so the picture is not frozen.
		gocv.Circle(&img, image.Pt(10+i*4, 10), 3, color.RGBA{uint8(i * 5), 0, 0, 0}, -1)
		vw.Write(img)
	}
	vw.Close()
	img.Close()

	const total, warmup = 3000, 500
	matsBefore := gocv.MatProfile.Count()
	p, err := newPipeline(Config{Detector: DetectorBlazeFace, SegmentEvery: 16})
	if err != nil {
		t.Fatal(err)
	}
	reconnects := 0
	live := newLiveSource("camera 0", fileCamera(clip), Config{Reconnect: true, OnCameraStatus: func(s CameraStatus) {
		if s.State == CameraLost {
			reconnects++
		}
	}})
	live.sleep = func(ctx context.Context, d time.Duration) error { return ctx.Err() }
	p.src = live

	var warm, end runtime.MemStats
	var warmMats, warmG int
	var warmRSS string
	rates := []float64{0, 12.5, 5}
	start := time.Now()
	for i := 0; i < total; i++ {
		if i%200 == 0 {
			p.SetRate(rates[(i/200)%len(rates)])
		}
		if _, err := p.Observe(context.Background()); err != nil {
			t.Fatalf("frame %d: %v", i, err)
		}
		if i == warmup {
			runtime.GC()
			runtime.ReadMemStats(&warm)
			warmMats, warmG, warmRSS = gocv.MatProfile.Count(), runtime.NumGoroutine(), rss()
		}
	}
	elapsed := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&end)
	endMats, endG := gocv.MatProfile.Count(), runtime.NumGoroutine()
	p.Close()
	matsAfter := gocv.MatProfile.Count()

	growth := int64(end.HeapAlloc) - int64(warm.HeapAlloc)
	t.Logf("%d frames in %v (%d reconnections): Mats %d after warm-up, %d at the end, %d after closing (%d before opening); live heap %d KB then %d KB (%+d KB); goroutines %d then %d; RSS %s then %s",
		total, elapsed.Round(time.Second), reconnects, warmMats, endMats, matsAfter, matsBefore,
		warm.HeapAlloc>>10, end.HeapAlloc>>10, growth>>10, warmG, endG, warmRSS, rss())
	if endMats != warmMats {
		t.Errorf("Mats grew from %d to %d over %d frames", warmMats, endMats, total-warmup)
	}
	if matsAfter != matsBefore {
		t.Errorf("%d Mats before opening, %d after closing", matsBefore, matsAfter)
	}
	if growth > 512<<10 {
		t.Errorf("the live heap grew by %d KB after warm-up", growth>>10)
	}
	if endG > warmG {
		t.Errorf("goroutines grew from %d to %d", warmG, endG)
	}
	if reconnects < 10 {
		t.Errorf("only %d reconnections: the loop did not exercise the live source", reconnects)
	}
}

// rss is the process's resident memory, for the log.
func rss() string {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return "unknown"
	}
	var size, res int64
	fmt.Sscan(string(b), &size, &res)
	return fmt.Sprintf("%d MB", res*int64(os.Getpagesize())>>20)
}
