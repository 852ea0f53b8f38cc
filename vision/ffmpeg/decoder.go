//go:build unix

package ffmpeg

// #cgo LDFLAGS: -ldl
// #include <stdlib.h>
// #include "decoder.h"
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

// ErrUnavailable wraps why FFmpeg's libraries could not be opened.
var ErrUnavailable = errors.New("FFmpeg's libraries could not be opened")

// loaded opens the libraries once for the whole process.
var loaded = sync.OnceValue(func() error {
	var why [256]C.char
	if C.hunch_ff_load(&why[0], C.int(len(why))) != 0 {
		return fmt.Errorf("%w: %s", ErrUnavailable, C.GoString(&why[0]))
	}
	return nil
})

// Decoder decodes Motion-JPEG frames one at a time. It is not safe for use
// by more than one goroutine at once.
type Decoder struct {
	d *C.hunch_decoder
}

// Open makes a Motion-JPEG decoder, opening FFmpeg's libraries on first use.
func Open() (*Decoder, error) {
	if err := loaded(); err != nil {
		return nil, err
	}
	d := C.hunch_ff_open()
	if d == nil {
		return nil, fmt.Errorf("%w: it has no Motion-JPEG decoder", ErrUnavailable)
	}
	return &Decoder{d: d}, nil
}

// DecodeBGR decodes one frame into dst, width × height pixels of BGR, three
// bytes each, row by row; dst holds exactly that many bytes.
func (d *Decoder) DecodeBGR(dst, frame []byte, width, height int) error {
	if len(dst) != width*height*3 {
		return fmt.Errorf("a %d×%d picture takes %d bytes, not %d", width, height, width*height*3, len(dst))
	}
	if len(frame) == 0 {
		return errors.New("an empty Motion-JPEG frame")
	}
	// C copies the frame into a packet and writes dst before returning:
	// neither is kept.
	rc := C.hunch_ff_decode(d.d, (*C.uint8_t)(unsafe.Pointer(&frame[0])), C.int(len(frame)),
		(*C.uint8_t)(unsafe.Pointer(&dst[0])), C.int(width), C.int(height))
	switch {
	case rc == C.HUNCH_FF_OTHER_SIZE:
		return fmt.Errorf("a Motion-JPEG frame not of %d×%d", width, height)
	case rc != 0:
		return fmt.Errorf("a Motion-JPEG frame FFmpeg cannot decode (error %d)", int(rc))
	}
	return nil
}

// Close frees the decoder.
func (d *Decoder) Close() error {
	if d.d != nil {
		C.hunch_ff_close(d.d)
		d.d = nil
	}
	return nil
}
