package vision

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"
	"sort"
	"sync"
	"time"

	"gocv.io/x/gocv"

	"github.com/hunch-posture/hunch/monitor"
)

// Detector names accepted by Config.Detector.
const (
	DetectorBlazeFace = "blazeface"
	DetectorCascade   = "cascade"
)

// Config chooses the input and what the pipeline computes.
type Config struct {
	// Camera is the camera index, used when Input is empty.
	Camera int
	// Input is a video file or an image-sequence pattern (frames/%04d.jpg).
	Input string
	// FPS is analysed frames per second of input time; 0 analyses every frame.
	FPS float64
	// Realtime paces a file to its own frame rate, as a camera delivers it.
	Realtime bool
	// Detector is "blazeface" (default when empty) or "cascade".
	Detector string
	// SegmentEvery refreshes person segmentation at least every N analysed
	// frames; it also runs on the first frame and whenever the face moved or
	// came or went since the last mask. 0 turns it off.
	SegmentEvery int
	// DebugFrames, when set, is a folder to write every analysed frame to,
	// with what was seen drawn over it. Nothing else ever writes a frame.
	DebugFrames string
	// Focus, when set, is the user's known face: detection looks there first
	// and faces are ordered by nearness to it.
	Focus *monitor.Rect
	// Reconnect keeps a camera going all day: when it is busy or unplugged,
	// or stops delivering, Observe waits and retries (1 s, 2 s, 4 s … a
	// minute) instead of failing. A camera that does not exist when Open is
	// called is still an error.
	Reconnect bool
	// DutyCycle, when set, releases the camera between short bursts.
	DutyCycle DutyCycle
	// AnalyseEvery runs the networks on every analysed frame, even when the
	// user's part of the picture has not changed since the last one (by
	// default such a frame reuses what they saw; see stillWatch). For
	// measuring what that saves.
	AnalyseEvery bool
	// OnCameraStatus, when set, hears each change in a camera's condition
	// (in use, disconnected, frozen, resized, watching again), on the
	// goroutine that calls Observe.
	OnCameraStatus func(CameraStatus)
}

// DefaultConfig is camera 0 at the monitor's default rate with BlazeFace and
// segmentation refreshed at least every defaultSegmentEvery analysed frames.
func DefaultConfig() Config {
	return Config{FPS: monitor.DefaultRate, Detector: DetectorBlazeFace, SegmentEvery: defaultSegmentEvery}
}

// defaultSegmentEvery refreshes the person segmentation at least every 16
// analysed frames (8 s at 2 frames a second); the pipeline also runs it when
// the face moved. The shoulders move slowly, and this keeps its cost low.
const defaultSegmentEvery = 16

// Timing summarises detection and analysis time per frame, decoding excluded.
type Timing struct {
	// Frames is how many frames were analysed; Still how many of them
	// reused the last analysis, the user's part of the picture unchanged.
	Frames, Still int
	// MedianMS and MeanMS are milliseconds per analysed frame.
	MedianMS, MeanMS float64
}

// Pipeline reads frames and turns each into a monitor.Observation. It is
// not safe for concurrent use, except Timing, Info, SetFocus, SetRate and Rate.
type Pipeline struct {
	src      frameSource // nil for a pipeline that only observes given images
	detector faceDetector
	// DetectorName is the detector actually in use (the cascade when BlazeFace could not load).
	DetectorName string
	shoulders    *shoulderFinder
	segmenter    *personSegmenter
	segEvery     int

	frame, grey, small, thumb gocv.Mat
	mean, stddev              gocv.Mat

	mu      sync.Mutex
	focus   *monitor.Rect
	rate    float64         // analysed frames per second asked for
	newRate bool            // rate changed since the source was told
	timings []time.Duration // ring of recent frame times
	total   time.Duration
	frames  int
	stills  int // frames that reused the last analysis (stillWatch)

	still    *stillWatch  // nil: every frame is analysed (Config.AnalyseEvery)
	debug    *debugFrames // nil unless frames were asked for
	lastSil  *monitor.Silhouette
	silAt    time.Duration
	sinceSil int  // analysed frames since then
	silMoved bool // the picture was changing when the mask was taken
}

// analysisWidth is the width of the grey picture used for shoulders and statistics.
const analysisWidth = 320

// Scene thumbnail size.
const sceneW, sceneH = 32, 24

// Open opens the configured camera or file and loads the models.
func Open(cfg Config) (*Pipeline, error) {
	src, err := openSource(cfg)
	if err != nil {
		return nil, err
	}
	p, err := newPipeline(cfg)
	if err != nil {
		src.Close()
		return nil, err
	}
	p.src, p.rate = src, cfg.FPS
	return p, nil
}

// OpenImages loads the models for a pipeline without a frame source, to
// observe given pictures with ObserveImage (calibration previews, tests).
func OpenImages(cfg Config) (*Pipeline, error) { return newPipeline(cfg) }

func newPipeline(cfg Config) (*Pipeline, error) {
	p := &Pipeline{segEvery: cfg.SegmentEvery, focus: cfg.Focus}
	switch cfg.Detector {
	case "", DetectorBlazeFace:
		d, err := newBlazeFace()
		if err == nil {
			p.detector, p.DetectorName = d, DetectorBlazeFace
			break
		}
		c, cerr := newHaarCascade()
		if cerr != nil {
			return nil, fmt.Errorf("%v; fallback: %w", err, cerr)
		}
		p.detector, p.DetectorName = c, DetectorCascade
	case DetectorCascade:
		c, err := newHaarCascade()
		if err != nil {
			return nil, err
		}
		p.detector, p.DetectorName = c, DetectorCascade
	default:
		return nil, fmt.Errorf("detector %q: unknown; use blazeface or cascade", cfg.Detector)
	}
	if cfg.SegmentEvery > 0 {
		s, err := newPersonSegmenter()
		if err != nil {
			p.detector.Close()
			return nil, err
		}
		p.segmenter = s
	}
	if cfg.SegmentEvery < 0 {
		p.detector.Close()
		return nil, fmt.Errorf("segment every %d: must be 0 (off) or more", cfg.SegmentEvery)
	}
	p.shoulders = newShoulderFinder()
	p.frame, p.grey, p.small, p.thumb = gocv.NewMat(), gocv.NewMat(), gocv.NewMat(), gocv.NewMat()
	p.mean, p.stddev = gocv.NewMat(), gocv.NewMat()
	if !cfg.AnalyseEvery {
		p.still = &stillWatch{thumb: gocv.NewMat()}
	}
	if cfg.DebugFrames != "" {
		d, err := newDebugFrames(cfg.DebugFrames)
		if err != nil {
			p.Close()
			return nil, err
		}
		p.debug = d
	}
	return p, nil
}

// Info describes the frame source (zero for OpenImages).
func (p *Pipeline) Info() SourceInfo {
	if p.src == nil {
		return SourceInfo{}
	}
	return p.src.info()
}

// SetFocus sets (or with nil clears) the user's known face.
func (p *Pipeline) SetFocus(r *monitor.Rect) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r != nil {
		c := *r
		r = &c
	}
	p.focus = r
}

// SetRate changes how many frames a second are analysed, from the next
// frame on (0: every frame); a negative or non-finite rate is ignored. It is
// safe to call from any goroutine, between or during Observe calls.
func (p *Pipeline) SetRate(fps float64) {
	if !(fps >= 0) || math.IsInf(fps, 0) {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if fps != p.rate {
		p.rate, p.newRate = fps, true
	}
}

// Rate is the analysed frames per second asked for.
func (p *Pipeline) Rate() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rate
}

// Observe reads the next analysed frame and observes it; io.EOF ends a file.
func (p *Pipeline) Observe(ctx context.Context) (monitor.Observation, error) {
	if p.src == nil {
		return monitor.Observation{}, errors.New("observe: this pipeline has no frame source; use Open")
	}
	p.mu.Lock()
	rate, changed := p.rate, p.newRate
	p.newRate = false
	p.mu.Unlock()
	if changed {
		p.src.setRate(rate)
	}
	at, err := p.src.next(ctx, &p.frame)
	if err != nil {
		return monitor.Observation{}, err
	}
	return p.observe(p.frame, at)
}

// ObserveImage observes one picture, taken at the given time.
func (p *Pipeline) ObserveImage(img image.Image, at time.Duration) (monitor.Observation, error) {
	m, err := gocv.ImageToMatRGB(img)
	if err != nil {
		return monitor.Observation{}, fmt.Errorf("observe image: %w", err)
	}
	defer m.Close()
	return p.observe(m, at)
}

// observe analyses one BGR frame.
func (p *Pipeline) observe(img gocv.Mat, at time.Duration) (monitor.Observation, error) {
	start := time.Now()
	obs := monitor.Observation{At: at, Width: img.Cols(), Height: img.Rows()}
	if img.Empty() || img.Channels() != 3 {
		return obs, fmt.Errorf("observe: frame is empty or not a colour picture")
	}
	p.mu.Lock()
	focus := p.focus
	p.mu.Unlock()
	if f, ok := p.detector.(focuser); ok {
		if focus != nil {
			f.Focus(*focus)
		} else {
			f.Focus(monitor.Rect{})
		}
	}
	small, scale := greyAtWidth(img, &p.grey, &p.small, analysisWidth)
	still, moved := false, true
	if p.still != nil {
		still, moved = p.still.compare(small, focus, at)
	}
	if still {
		obs.Faces, obs.Shoulders = p.still.reused(), p.still.shoulders
	} else {
		faces, err := p.detector.Detect(img)
		if err != nil {
			return obs, fmt.Errorf("detect faces: %w", err)
		}
		if focus != nil {
			monitor.OrderByUser(faces, *focus)
		}
		obs.Faces = faces
		if len(faces) > 0 {
			obs.Shoulders = p.shoulders.find(small, scale, faces[0].Box)
		}
		if p.still != nil {
			p.still.remember(small, scale, at, faces, obs.Shoulders, focus)
		}
	}
	faces := obs.Faces
	gocv.MeanStdDev(small, &p.mean, &p.stddev)
	obs.Brightness = p.mean.GetDoubleAt(0, 0)
	obs.Contrast = p.stddev.GetDoubleAt(0, 0)
	area := pictureArea(small)
	obs.Picture = monitor.Rect{X: float64(area.Min.X) / scale, Y: float64(area.Min.Y) / scale,
		W: float64(area.Dx()) / scale, H: float64(area.Dy()) / scale}
	picture := small.Region(area)
	obs.Scene = p.scene(picture)
	picture.Close()

	if p.segmenter != nil {
		if err := p.silhouette(img, faces, still, moved, &obs); err != nil {
			return obs, err
		}
	}
	p.record(time.Since(start), still)
	if p.debug != nil {
		if err := p.debug.write(img, obs); err != nil {
			return obs, err
		}
	}
	return obs, nil
}

// silhouette gives obs the person mask, taking a new one when
// needSilhouette says so.
func (p *Pipeline) silhouette(img gocv.Mat, faces []monitor.Face, still, moved bool, obs *monitor.Observation) error {
	var face *monitor.Rect
	if len(faces) > 0 {
		face = &faces[0].Box
	}
	if !still { // an unchanged picture would give the same mask
		p.sinceSil++
	}
	if p.needSilhouette(face, still) {
		p.sinceSil = 0
		sil, err := p.segmenter.segment(img, face)
		if err != nil {
			return err
		}
		if face != nil {
			sil.Face = *face // the face the mask is read against (FitsFace)
		}
		p.lastSil, p.silAt, p.silMoved = &sil, obs.At, moved
	}
	s := *p.lastSil
	obs.Silhouette, obs.SilhouetteAge = &s, obs.At-p.silAt
	return nil
}

// needSilhouette says whether to segment this frame: the shoulders move
// slowly, so only when the last mask no longer fits the face (it moved,
// changed size, appeared or vanished: the body may have moved with it) and
// at least every segEvery frames. An unchanged picture (still) would give
// the same mask, except the first after a mask taken while the picture was
// changing: a still user keeps the analysis of the frame before, and the mask
// must show that settled pose, not the move into it (one extra mask per move;
// a picture that stays still then costs none).
func (p *Pipeline) needSilhouette(face *monitor.Rect, still bool) bool {
	if p.lastSil == nil {
		return true
	}
	if still {
		return p.silMoved
	}
	return p.sinceSil >= p.segEvery || !p.lastSil.FitsFace(face)
}

// scene makes the 32×24 grey thumbnail.
func (p *Pipeline) scene(grey gocv.Mat) monitor.Scene {
	gocv.Resize(grey, &p.thumb, image.Pt(sceneW, sceneH), 0, 0, gocv.InterpolationArea)
	s := monitor.Scene{W: sceneW, H: sceneH, Pix: make([]float32, sceneW*sceneH)}
	if b, err := p.thumb.DataPtrUint8(); err == nil && len(b) == len(s.Pix) {
		for i, v := range b {
			s.Pix[i] = float32(v) / 255
		}
	}
	return s
}

// timingWindow is how many recent frames Timing's median covers.
const timingWindow = 1000

func (p *Pipeline) record(d time.Duration, still bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if still {
		p.stills++
	}
	if len(p.timings) < timingWindow {
		p.timings = append(p.timings, d)
	} else {
		p.timings[p.frames%timingWindow] = d
	}
	p.frames++
	p.total += d
}

// Timing reports detection and analysis time per frame so far (the median
// over the last 1,000 frames, the mean over all).
func (p *Pipeline) Timing() Timing {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := Timing{Frames: p.frames, Still: p.stills}
	if p.frames == 0 {
		return t
	}
	s := append([]time.Duration(nil), p.timings...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	t.MedianMS = float64(med) / float64(time.Millisecond)
	t.MeanMS = float64(p.total) / float64(p.frames) / float64(time.Millisecond)
	return t
}

// Close frees the models, buffers and the frame source.
func (p *Pipeline) Close() error {
	var err error
	if p.src != nil {
		err = p.src.Close()
	}
	p.detector.Close()
	if p.segmenter != nil {
		p.segmenter.Close()
	}
	p.shoulders.Close()
	if p.still != nil {
		p.still.Close()
	}
	if p.debug != nil {
		p.debug.Close()
	}
	for _, m := range []*gocv.Mat{&p.frame, &p.grey, &p.small, &p.thumb, &p.mean, &p.stddev} {
		m.Close()
	}
	return err
}

var (
	_ monitor.Observer   = (*Pipeline)(nil)
	_ monitor.RateSetter = (*Pipeline)(nil)
)
