package mjpeg

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// Reader reads the frames of a Motion-JPEG AVI file by number.
type Reader struct {
	f             *os.File
	width, height int
	fps           float64
	frames        []chunk // where each frame's JPEG is in the file
}

// chunk is a stretch of the file.
type chunk struct{ at, size int64 }

// ErrNotMJPEG says a file is not an AVI of Motion-JPEG frames: another
// reader may still read it.
var ErrNotMJPEG = errors.New("not a Motion-JPEG AVI")

// OpenAVI opens a Motion-JPEG AVI file and reads its index. A file that is
// another kind of video gives an error wrapping ErrNotMJPEG.
func OpenAVI(path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r := &Reader{f: f}
	if err := r.readHeaders(); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// Len is how many frames the file holds.
func (r *Reader) Len() int { return len(r.frames) }

// FPS is the file's frame rate.
func (r *Reader) FPS() float64 { return r.fps }

// Size is the frames' width and height.
func (r *Reader) Size() (width, height int) { return r.width, r.height }

// Frame reads frame i's JPEG into buf (grown when too small) and returns it.
func (r *Reader) Frame(i int, buf []byte) ([]byte, error) {
	if i < 0 || i >= len(r.frames) {
		return buf, fmt.Errorf("frame %d of %d", i, len(r.frames))
	}
	c := r.frames[i]
	if int64(cap(buf)) < c.size {
		buf = make([]byte, c.size)
	}
	buf = buf[:c.size]
	if _, err := r.f.ReadAt(buf, c.at); err != nil {
		return buf, fmt.Errorf("frame %d: %w", i, err)
	}
	return buf, nil
}

// Close closes the file.
func (r *Reader) Close() error { return r.f.Close() }

// readHeaders reads the stream's format and finds every frame: from the
// index (idx1) when there is one, else by walking the movi list.
func (r *Reader) readHeaders() error {
	var head [12]byte
	if _, err := r.f.ReadAt(head[:], 0); err != nil || string(head[0:4]) != "RIFF" || string(head[8:12]) != "AVI " {
		return fmt.Errorf("%w: no AVI header", ErrNotMJPEG)
	}
	size := int64(binary.LittleEndian.Uint32(head[4:8])) + 8
	var movi, idx1 chunk
	err := r.walk(12, size, func(id string, c chunk) error {
		switch id {
		case "LIST:hdrl":
			return r.walk(c.at+4, c.at+c.size, func(id string, c chunk) error {
				if id == "LIST:strl" {
					video := false
					return r.walk(c.at+4, c.at+c.size, func(id string, c chunk) error { return r.header(id, c, &video) })
				}
				return nil
			})
		case "LIST:movi":
			movi = c
		case "idx1":
			idx1 = c
		}
		return nil
	})
	if err != nil {
		return err
	}
	if r.width <= 0 || r.height <= 0 || r.fps <= 0 || movi.size == 0 {
		return fmt.Errorf("%w: no Motion-JPEG video stream", ErrNotMJPEG)
	}
	if idx1.size > 0 {
		return r.index(idx1, movi)
	}
	return r.walk(movi.at+4, movi.at+movi.size, func(id string, c chunk) error {
		if isVideoChunk(id) {
			r.frames = append(r.frames, c)
		}
		return nil
	})
}

// walk calls visit for each chunk from start to end: its id ("LIST:movi"
// for a list) and where its data is.
func (r *Reader) walk(start, end int64, visit func(id string, c chunk) error) error {
	var h [12]byte
	for at := start; at+8 <= end; {
		if _, err := r.f.ReadAt(h[:8], at); err != nil {
			return fmt.Errorf("%w: cut short (%v)", ErrNotMJPEG, err)
		}
		id, n := string(h[0:4]), int64(binary.LittleEndian.Uint32(h[4:8]))
		if at+8+n > end+1 { // +1: a last odd chunk's padding may be missing
			return fmt.Errorf("%w: a %q chunk runs past its list", ErrNotMJPEG, id)
		}
		if id == "LIST" {
			if _, err := r.f.ReadAt(h[8:12], at+8); err != nil {
				return fmt.Errorf("%w: cut short (%v)", ErrNotMJPEG, err)
			}
			id = "LIST:" + string(h[8:12])
		}
		if err := visit(id, chunk{at + 8, n}); err != nil {
			return err
		}
		at += 8 + n + n%2
	}
	return nil
}

// header reads a stream's header (its kind and frame rate) and, for the
// first video stream, its picture format (size, compression); video says
// whether the stream being read is video.
func (r *Reader) header(id string, c chunk, video *bool) error {
	b := make([]byte, min(c.size, 64))
	if _, err := r.f.ReadAt(b, c.at); err != nil && err != io.EOF {
		return fmt.Errorf("%w: %v", ErrNotMJPEG, err)
	}
	le := binary.LittleEndian
	switch {
	case id == "strh" && len(b) >= 32:
		*video = string(b[0:4]) == "vids" && r.width == 0
		if scale, rate := le.Uint32(b[20:24]), le.Uint32(b[24:28]); *video && scale > 0 {
			r.fps = float64(rate) / float64(scale)
		}
	case id == "strf" && len(b) >= 20 && *video:
		if !isMJPG(string(b[16:20])) {
			return fmt.Errorf("%w: frames compressed as %q", ErrNotMJPEG, b[16:20])
		}
		r.width, r.height = int(int32(le.Uint32(b[4:8]))), int(int32(le.Uint32(b[8:12])))
		if r.height < 0 {
			r.height = -r.height // top-down rows
		}
	}
	return nil
}

// index reads idx1: the video frames' chunks, whose offsets count from the
// movi list's type ("movi") in most files and from the file's start in some.
func (r *Reader) index(idx1, movi chunk) error {
	b := make([]byte, idx1.size)
	if _, err := r.f.ReadAt(b, idx1.at); err != nil {
		return fmt.Errorf("%w: index cut short (%v)", ErrNotMJPEG, err)
	}
	le := binary.LittleEndian
	base := int64(-1)
	for i := 0; i+16 <= len(b); i += 16 {
		id, off, n := string(b[i:i+4]), int64(le.Uint32(b[i+8:i+12])), int64(le.Uint32(b[i+12:i+16]))
		if !isVideoChunk(id) {
			continue
		}
		if base < 0 {
			base = movi.at // the movi list's type sits at movi.at
			if off >= movi.at {
				base = 0 // offsets from the file's start
			}
		}
		r.frames = append(r.frames, chunk{base + off + 8, n})
	}
	return nil
}

// isVideoChunk is true for a video frame's chunk id: a stream number and
// "dc" (compressed) or "db".
func isVideoChunk(id string) bool {
	return len(id) == 4 && (id[2:] == "dc" || id[2:] == "db")
}

// isMJPG is true for the compression codes of Motion-JPEG.
func isMJPG(fourcc string) bool {
	switch fourcc {
	case "MJPG", "mjpg", "AVRn", "LJPG", "JPGL", "dmb1":
		return true
	}
	return false
}
