//go:build !unix

package ffmpeg

import (
	"errors"
	"fmt"
)

// ErrUnavailable wraps why FFmpeg's libraries could not be opened.
var ErrUnavailable = errors.New("FFmpeg's libraries could not be opened")

// Decoder decodes Motion-JPEG frames; on this system there is none, and
// clips are read by OpenCV.
type Decoder struct{}

// Open says that FFmpeg is not opened on this system.
func Open() (*Decoder, error) {
	return nil, fmt.Errorf("%w: not looked for on this system", ErrUnavailable)
}

// DecodeBGR is never reached: Open gives no decoder.
func (d *Decoder) DecodeBGR(dst, frame []byte, width, height int) error { return ErrUnavailable }

// Close does nothing.
func (d *Decoder) Close() error { return nil }
