package v4l2

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// The requests used, as linux/videodev2.h defines them for 64-bit Linux:
// _IOR, _IOW or _IOWR('V', number, the argument's size).
const (
	vidiocQueryCap  = 0x80685600 // _IOR('V', 0, struct v4l2_capability)
	vidiocEnumFmt   = 0xc0405602 // _IOWR('V', 2, struct v4l2_fmtdesc)
	vidiocSFmt      = 0xc0d05605 // _IOWR('V', 5, struct v4l2_format)
	vidiocReqBufs   = 0xc0145608 // _IOWR('V', 8, struct v4l2_requestbuffers)
	vidiocQueryBuf  = 0xc0585609 // _IOWR('V', 9, struct v4l2_buffer)
	vidiocQBuf      = 0xc058560f // _IOWR('V', 15, struct v4l2_buffer)
	vidiocDQBuf     = 0xc0585611 // _IOWR('V', 17, struct v4l2_buffer)
	vidiocStreamOn  = 0x40045612 // _IOW('V', 18, int)
	vidiocStreamOff = 0x40045613 // _IOW('V', 19, int)
	vidiocSParm     = 0xc0cc5616 // _IOWR('V', 22, struct v4l2_streamparm)
)

// Values of the fields used.
const (
	bufTypeVideoCapture = 1          // V4L2_BUF_TYPE_VIDEO_CAPTURE
	memoryMmap          = 1          // V4L2_MEMORY_MMAP
	fieldNone           = 1          // V4L2_FIELD_NONE: progressive frames
	capVideoCapture     = 0x00000001 // V4L2_CAP_VIDEO_CAPTURE
	capStreaming        = 0x04000000 // V4L2_CAP_STREAMING
	capDeviceCaps       = 0x80000000 // V4L2_CAP_DEVICE_CAPS: device_caps is filled in
	capTimePerFrame     = 0x1000     // V4L2_CAP_TIMEPERFRAME
)

// capability is struct v4l2_capability.
type capability struct {
	driver       [16]byte
	card         [32]byte
	busInfo      [32]byte
	version      uint32
	capabilities uint32
	deviceCaps   uint32
	reserved     [3]uint32
}

// fmtdesc is struct v4l2_fmtdesc.
type fmtdesc struct {
	index       uint32
	typ         uint32
	flags       uint32
	description [32]byte
	pixelformat uint32
	mbusCode    uint32
	reserved    [3]uint32
}

// pixFormat is struct v4l2_pix_format, the single-planar picture format.
type pixFormat struct {
	width, height, pixelformat, field, bytesperline, sizeimage uint32
	colorspace, priv, flags, ycbcrEnc, quantization, xferFunc  uint32
}

// format is struct v4l2_format with its union read as a pixFormat; the
// union is 8-byte aligned (it holds pointers) and 200 bytes long.
type format struct {
	typ  uint32
	_    uint32
	pix  pixFormat
	rest [200 - 48]byte
}

// requestBuffers is struct v4l2_requestbuffers.
type requestBuffers struct {
	count, typ, memory, capabilities uint32
	flags                            uint8
	reserved                         [3]uint8
}

// buffer is struct v4l2_buffer on 64-bit Linux; offset is the mmap offset
// of the union m.
type buffer struct {
	index, typ, bytesused, flags, field uint32
	_                                   uint32
	timestamp                           unix.Timeval
	timecode                            [16]byte
	sequence, memory                    uint32
	offset                              uint32
	_                                   uint32
	length, reserved2, requestFD        uint32
	_                                   uint32
}

// streamParm is struct v4l2_streamparm holding a v4l2_captureparm.
type streamParm struct {
	typ                       uint32
	capability, captureMode   uint32
	numerator, denominator    uint32
	extendedMode, readBuffers uint32
	reserved                  [4]uint32
	rest                      [200 - 40]byte
}

// The sizes the request numbers above were made with.
var _ = [1]struct{}{}[unsafe.Sizeof(capability{})-104]
var _ = [1]struct{}{}[unsafe.Sizeof(fmtdesc{})-64]
var _ = [1]struct{}{}[unsafe.Sizeof(format{})-208]
var _ = [1]struct{}{}[unsafe.Sizeof(requestBuffers{})-20]
var _ = [1]struct{}{}[unsafe.Sizeof(buffer{})-88]
var _ = [1]struct{}{}[unsafe.Sizeof(streamParm{})-204]

// ioctl makes the request on fd with arg, retrying when a signal
// interrupted it (the Go runtime's own signals do).
func ioctl(fd int, req uintptr, arg unsafe.Pointer) error {
	for {
		_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), req, uintptr(arg))
		if errno == unix.EINTR {
			continue
		}
		if errno != 0 {
			return errno
		}
		return nil
	}
}

// fourcc is a V4L2 pixel format code.
func fourcc(a, b, c, d byte) uint32 {
	return uint32(a) | uint32(b)<<8 | uint32(c)<<16 | uint32(d)<<24
}

// cstring is a NUL-terminated name from a fixed-size field.
func cstring(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
