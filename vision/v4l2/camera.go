package v4l2

import (
	"errors"
	"fmt"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Pixel formats a Camera reads: what webcams (UVC) offer.
var (
	YUYV  = fourcc('Y', 'U', 'Y', 'V') // 4:2:2, two pixels in four bytes
	MJPEG = fourcc('M', 'J', 'P', 'G') // each frame a JPEG picture
)

// bufferCount is how many frames the driver may fill while one is read:
// enough that a slow read loses frames, never the stream.
const bufferCount = 4

// frameWait is how long Read waits for the device's next frame before
// saying the camera gives no picture: many webcams take a second or more
// to start streaming, none takes this long between frames.
const frameWait = 5 * time.Second

// Camera is an open V4L2 capture device, streaming.
type Camera struct {
	fd      int
	width   int
	height  int
	pixel   uint32
	fps     float64
	buffers [][]byte
	name    string
	path    string
	// sequence is the device's number of the frame read last.
	sequence uint32
}

// Open opens the capture device at path (/dev/video0, say), asks for
// pictures of about width × height in YUYV or Motion-JPEG (whichever the
// device offers, YUYV first) at fps frames a second, and starts streaming.
// The device may choose another size; Size tells which.
func Open(path string, width, height int, fps float64) (*Camera, error) {
	fd, err := unix.Open(path, unix.O_RDWR|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("camera %s: %w", path, err)
	}
	c := &Camera{fd: fd, path: path}
	if err := c.start(width, height, fps); err != nil {
		c.Close()
		return nil, fmt.Errorf("camera %s: %w", path, err)
	}
	return c, nil
}

// start checks the device, sets its format and rate, maps its buffers and
// starts the stream.
func (c *Camera) start(width, height int, fps float64) error {
	var capab capability
	if err := ioctl(c.fd, vidiocQueryCap, unsafe.Pointer(&capab)); err != nil {
		return fmt.Errorf("not a video device (%w)", err)
	}
	caps := capab.capabilities
	if caps&capDeviceCaps != 0 {
		caps = capab.deviceCaps
	}
	if caps&capVideoCapture == 0 || caps&capStreaming == 0 {
		return errors.New("not a camera that streams pictures (a metadata or output node?)")
	}
	c.name = cstring(capab.card[:])
	pixel, err := c.choosePixel()
	if err != nil {
		return err
	}
	f := format{typ: bufTypeVideoCapture, pix: pixFormat{width: uint32(width), height: uint32(height), pixelformat: pixel, field: fieldNone}}
	if err := ioctl(c.fd, vidiocSFmt, unsafe.Pointer(&f)); err != nil {
		return fmt.Errorf("set the picture format: %w", err)
	}
	if f.pix.pixelformat != YUYV && f.pix.pixelformat != MJPEG {
		return fmt.Errorf("the device gives %s pictures; only YUYV and MJPEG are read", fourccName(f.pix.pixelformat))
	}
	c.width, c.height, c.pixel = int(f.pix.width), int(f.pix.height), f.pix.pixelformat
	if fps > 0 {
		if err := c.setRate(fps); err != nil {
			return err
		}
	}
	if err := c.mapBuffers(); err != nil {
		return err
	}
	typ := int32(bufTypeVideoCapture)
	if err := ioctl(c.fd, vidiocStreamOn, unsafe.Pointer(&typ)); err != nil {
		return fmt.Errorf("start streaming: %w", err)
	}
	return nil
}

// setRate asks for fps frames a second; the device answers with the rate
// it will keep, which Rate tells. A device that cannot set its rate is no
// error: it streams at its own, which Read's pace shows.
func (c *Camera) setRate(fps float64) error {
	p := streamParm{typ: bufTypeVideoCapture, numerator: 1000, denominator: uint32(fps * 1000)}
	err := ioctl(c.fd, vidiocSParm, unsafe.Pointer(&p))
	switch {
	case err == unix.ENOTTY || err == unix.EINVAL:
		return nil
	case err != nil:
		return fmt.Errorf("set the frame rate: %w", err)
	}
	if p.capability&capTimePerFrame != 0 && p.numerator > 0 {
		c.fps = float64(p.denominator) / float64(p.numerator)
	}
	return nil
}

// choosePixel is the first of YUYV and MJPEG that the device offers.
func (c *Camera) choosePixel() (uint32, error) {
	offered := map[uint32]bool{}
	var names []string
	for i := uint32(0); ; i++ {
		d := fmtdesc{index: i, typ: bufTypeVideoCapture}
		if ioctl(c.fd, vidiocEnumFmt, unsafe.Pointer(&d)) != nil {
			break
		}
		offered[d.pixelformat] = true
		names = append(names, fourccName(d.pixelformat))
	}
	for _, p := range []uint32{YUYV, MJPEG} {
		if offered[p] {
			return p, nil
		}
	}
	return 0, fmt.Errorf("the device offers %v; only YUYV and MJPEG are read", names)
}

// mapBuffers asks the driver for its buffers, maps them and queues them.
func (c *Camera) mapBuffers() error {
	req := requestBuffers{count: bufferCount, typ: bufTypeVideoCapture, memory: memoryMmap}
	if err := ioctl(c.fd, vidiocReqBufs, unsafe.Pointer(&req)); err != nil {
		return fmt.Errorf("ask for frame buffers: %w", err)
	}
	if req.count < 2 {
		return fmt.Errorf("the driver gave %d frame buffers; at least 2 are needed", req.count)
	}
	for i := uint32(0); i < req.count; i++ {
		b := buffer{index: i, typ: bufTypeVideoCapture, memory: memoryMmap}
		if err := ioctl(c.fd, vidiocQueryBuf, unsafe.Pointer(&b)); err != nil {
			return fmt.Errorf("find frame buffer %d: %w", i, err)
		}
		m, err := unix.Mmap(c.fd, int64(b.offset), int(b.length), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
		if err != nil {
			return fmt.Errorf("map frame buffer %d: %w", i, err)
		}
		c.buffers = append(c.buffers, m)
		if err := ioctl(c.fd, vidiocQBuf, unsafe.Pointer(&b)); err != nil {
			return fmt.Errorf("queue frame buffer %d: %w", i, err)
		}
	}
	return nil
}

// Name is the device's own name ("Integrated Camera", say).
func (c *Camera) Name() string { return c.name }

// Size is the width and height of the pictures Read gives.
func (c *Camera) Size() (width, height int) { return c.width, c.height }

// Rate is the frame rate the device said it keeps, 0 when it did not say.
func (c *Camera) Rate() float64 { return c.fps }

// Pixel is the format the device sends, YUYV or MJPEG.
func (c *Camera) Pixel() uint32 { return c.pixel }

// Read waits for the device's next frame and writes it into bgr as 8-bit
// BGR, three bytes a pixel, row by row (width × height × 3 bytes, the
// size of a 3-channel OpenCV picture), growing it when it is too small. It
// returns the picture, which shares bgr's memory. The next frame is the
// oldest the device has filled: a reader slower than the camera gets
// frames that waited (see ReadFresh).
func (c *Camera) Read(bgr []byte) ([]byte, error) {
	b, err := c.dequeue()
	if err != nil {
		return bgr, err
	}
	return c.take(bgr, b)
}

// ReadFresh is Read for a reader slower than the camera, such as Hunch
// looking twice a second at a camera sending 15 frames: it gives back
// unread every frame already waiting, which may be seconds old, and waits
// for the next one, at most a frame's time.
func (c *Camera) ReadFresh(bgr []byte) ([]byte, error) {
	for {
		b := buffer{typ: bufTypeVideoCapture, memory: memoryMmap}
		err := ioctl(c.fd, vidiocDQBuf, unsafe.Pointer(&b))
		if err == unix.EAGAIN {
			break
		}
		if err == nil {
			err = ioctl(c.fd, vidiocQBuf, unsafe.Pointer(&b))
		}
		if err != nil {
			return bgr, fmt.Errorf("camera %s: drop a waiting frame: %w", c.path, err)
		}
	}
	return c.Read(bgr)
}

// Sequence is the device's number of the frame read last: a gap between
// two reads is the frames nobody read.
func (c *Camera) Sequence() uint32 { return c.sequence }

// take writes filled buffer b into bgr and gives it back to the driver.
func (c *Camera) take(bgr []byte, b buffer) ([]byte, error) {
	n := int(b.bytesused)
	if n > len(c.buffers[b.index]) {
		n = len(c.buffers[b.index])
	}
	c.sequence = b.sequence
	bgr, err := toBGR(bgr, c.buffers[b.index][:n], c.pixel, c.width, c.height)
	if qerr := ioctl(c.fd, vidiocQBuf, unsafe.Pointer(&b)); qerr != nil && err == nil {
		err = fmt.Errorf("camera %s: give the frame buffer back: %w", c.path, qerr)
	}
	return bgr, err
}

// dequeue waits up to frameWait for a filled buffer and takes it.
func (c *Camera) dequeue() (buffer, error) {
	deadline := time.Now().Add(frameWait)
	for {
		b := buffer{typ: bufTypeVideoCapture, memory: memoryMmap}
		err := ioctl(c.fd, vidiocDQBuf, unsafe.Pointer(&b))
		if err == nil {
			return b, nil
		}
		if err != unix.EAGAIN {
			return b, fmt.Errorf("camera %s: read a frame: %w", c.path, err)
		}
		left := time.Until(deadline)
		if left <= 0 {
			return b, fmt.Errorf("camera %s gave no picture in %v; is another program using it?", c.path, frameWait)
		}
		fds := []unix.PollFd{{Fd: int32(c.fd), Events: unix.POLLIN}}
		if _, err := unix.Poll(fds, int(left/time.Millisecond)+1); err != nil && err != unix.EINTR {
			return b, fmt.Errorf("camera %s: wait for a frame: %w", c.path, err)
		}
	}
}

// Close stops the stream, unmaps the buffers and closes the device.
func (c *Camera) Close() error {
	if c.fd < 0 {
		return nil
	}
	typ := int32(bufTypeVideoCapture)
	_ = ioctl(c.fd, vidiocStreamOff, unsafe.Pointer(&typ)) // fails only if it never started
	var first error
	for _, m := range c.buffers {
		if err := unix.Munmap(m); err != nil && first == nil {
			first = err
		}
	}
	c.buffers = nil
	if err := unix.Close(c.fd); err != nil && first == nil {
		first = err
	}
	c.fd = -1
	if first != nil {
		return fmt.Errorf("camera %s: close: %w", c.path, first)
	}
	return nil
}

// fourccName is a pixel format's four letters.
func fourccName(p uint32) string {
	return string([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
}
