package mjpeg

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
)

// Writer writes a Motion-JPEG AVI file, frame by frame. The file appears
// at its path whole, when Close has written its index.
type Writer struct {
	path, tmp     string
	f             *os.File
	w             *bufio.Writer
	width, height int
	fps           float64
	quality       int
	at            int64   // bytes written so far
	frames        []chunk // each frame's chunk, from the movi list's type
	pic           *image.YCbCr
	enc           bytes.Buffer // one encoded frame, reused
}

// The AVI's fixed layout: RIFF header, hdrl list (avih, strl with strh and
// strf), then the movi list; the sizes left open are patched at Close.
const (
	aviHeaderSize = 12 + 12 + 8 + 56 + 12 + 8 + 56 + 8 + 40 // up to the movi list
	moviListAt    = aviHeaderSize
	aviKeyFrame   = 0x10 // AVIIF_KEYFRAME: every JPEG frame stands alone
	aviHasIndex   = 0x10 // AVIF_HASINDEX
)

// CreateAVI starts an AVI file of width × height frames at fps, JPEG
// quality (1-100) for the frames WriteBGR encodes.
func CreateAVI(path string, width, height int, fps float64, quality int) (*Writer, error) {
	if width <= 0 || height <= 0 || !(fps > 0) || math.IsInf(fps, 0) {
		return nil, fmt.Errorf("%s: a %d×%d clip at %g fps cannot be written", path, width, height, fps)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, err
	}
	w := &Writer{path: path, tmp: f.Name(), f: f, w: bufio.NewWriterSize(f, 1<<16), width: width, height: height, fps: fps, quality: quality,
		pic: image.NewYCbCr(image.Rect(0, 0, width, height), image.YCbCrSubsampleRatio420)}
	w.put(make([]byte, aviHeaderSize+12)) // the headers and the movi list's header, written at Close
	return w, nil
}

// WriteBGR encodes an 8-bit BGR picture of the writer's size (three bytes
// a pixel, row by row) as the next frame.
func (w *Writer) WriteBGR(bgr []byte) error {
	if len(bgr) != w.width*w.height*3 {
		return fmt.Errorf("%s: a frame of %d bytes, want %d×%d×3", w.path, len(bgr), w.width, w.height)
	}
	toYCbCr(w.pic, bgr)
	w.enc.Reset()
	if err := jpeg.Encode(&w.enc, w.pic, &jpeg.Options{Quality: w.quality}); err != nil {
		return fmt.Errorf("%s: %w", w.path, err)
	}
	return w.WriteJPEG(w.enc.Bytes())
}

// WriteJPEG writes one JPEG picture of the writer's size as the next frame.
func (w *Writer) WriteJPEG(frame []byte) error {
	w.frames = append(w.frames, chunk{w.at - moviListAt - 8, int64(len(frame))})
	w.chunkHeader("00dc", len(frame))
	w.put(frame)
	if len(frame)%2 == 1 {
		w.put([]byte{0})
	}
	return nil
}

// Close writes the index and the headers and puts the file in place; on
// any error no file is left at the path.
func (w *Writer) Close() error {
	if w.f == nil {
		return nil
	}
	err := w.finish()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	if err == nil {
		err = os.Rename(w.tmp, w.path)
	}
	if err != nil {
		os.Remove(w.tmp)
		return fmt.Errorf("%s: %w", w.path, err)
	}
	return nil
}

// finish writes the index, then the headers over the space left for them.
func (w *Writer) finish() error {
	moviEnd := w.at
	w.chunkHeader("idx1", 16*len(w.frames))
	le := binary.LittleEndian
	for _, c := range w.frames {
		var e [16]byte
		copy(e[0:4], "00dc")
		le.PutUint32(e[4:8], aviKeyFrame)
		le.PutUint32(e[8:12], uint32(c.at)) // from the movi list's type to the chunk's id
		le.PutUint32(e[12:16], uint32(c.size))
		w.put(e[:])
	}
	if err := w.w.Flush(); err != nil {
		return err
	}
	if w.at > math.MaxUint32 {
		return fmt.Errorf("a clip of %d bytes is too long for an AVI file without OpenDML", w.at)
	}
	_, err := w.f.WriteAt(w.headers(moviEnd), 0)
	return err
}

// headers are the file's first bytes: RIFF, hdrl and the movi list header.
func (w *Writer) headers(moviEnd int64) []byte {
	n, big := len(w.frames), 0
	for _, c := range w.frames {
		big = max(big, int(c.size))
	}
	scale, rate := 1000, int(math.Round(w.fps*1000))
	return fields(
		"RIFF", int(w.at-8), "AVI ",
		"LIST", aviHeaderSize-12-8, "hdrl",
		"avih", 56, int(math.Round(1e6/w.fps)), 0, 0, aviHasIndex, n, 0, 1, big, w.width, w.height, 0, 0, 0, 0,
		"LIST", 4+8+56+8+40, "strl",
		"strh", 56, "vids", "MJPG", 0, half(0), half(0), 0, scale, rate, 0, n, big, -1, 0,
		half(0), half(0), half(w.width), half(w.height),
		"strf", 40, 40, w.width, w.height, half(1), half(24), "MJPG", w.width*w.height*3, 0, 0, 0, 0,
		"LIST", int(moviEnd-moviListAt-8), "movi")
}

// half is a 16-bit field of a header.
type half uint16

// fields lays out a header: a string as its bytes (a FourCC), an int as a
// little-endian 32-bit word, a half as a 16-bit one.
func fields(vs ...any) []byte {
	var b []byte
	le := binary.LittleEndian
	for _, v := range vs {
		switch v := v.(type) {
		case string:
			b = append(b, v...)
		case int:
			b = le.AppendUint32(b, uint32(v))
		case half:
			b = le.AppendUint16(b, uint16(v))
		}
	}
	return b
}

// chunkHeader writes a chunk's id and size.
func (w *Writer) chunkHeader(id string, size int) {
	var h [8]byte
	copy(h[:4], id)
	binary.LittleEndian.PutUint32(h[4:], uint32(size))
	w.put(h[:])
}

// put writes b; a failure shows at Close, when the buffer is flushed.
func (w *Writer) put(b []byte) {
	n, _ := w.w.Write(b)
	w.at += int64(n)
}

// toYCbCr converts BGR into the 4:2:0 picture the JPEG encoder reads
// fastest, each chroma sample from the top-left pixel of its block.
func toYCbCr(dst *image.YCbCr, bgr []byte) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			p := 3 * (y*w + x)
			yy, cb, cr := color.RGBToYCbCr(bgr[p+2], bgr[p+1], bgr[p])
			dst.Y[y*dst.YStride+x] = yy
			if x%2 == 0 && y%2 == 0 {
				c := (y/2)*dst.CStride + x/2
				dst.Cb[c], dst.Cr[c] = cb, cr
			}
		}
	}
}
