package v4l2

import (
	"fmt"

	"github.com/hunch-posture/hunch/vision/mjpeg"
)

// toBGR turns one frame of the device's pixel format into 8-bit BGR in dst
// (grown when too small) and returns it.
func toBGR(dst, frame []byte, pixel uint32, width, height int) ([]byte, error) {
	n := width * height * 3
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	switch pixel {
	case YUYV:
		if len(frame) < width*height*2 {
			return dst, fmt.Errorf("a YUYV frame of %d bytes, want %d for %d×%d", len(frame), width*height*2, width, height)
		}
		yuyvToBGR(dst, frame, width, height)
		return dst, nil
	case MJPEG:
		return dst, mjpeg.DecodeBGR(dst, frame, width, height)
	}
	return dst, fmt.Errorf("frames in %s cannot be read", fourccName(pixel))
}

// yuyvToBGR converts 4:2:2 YUYV (Y0 U Y1 V for each pair of pixels) with
// the BT.601 studio-range formulas webcams use, in integers.
func yuyvToBGR(dst, src []byte, width, height int) {
	for i, o := 0, 0; i+3 < width*height*2; i, o = i+4, o+6 {
		u, v := int(src[i+1])-128, int(src[i+3])-128
		r, g, b := 409*v+128, -100*u-208*v+128, 516*u+128
		for k, y := range [2]int{int(src[i]), int(src[i+2])} {
			c := 298 * (y - 16)
			p := o + 3*k
			dst[p], dst[p+1], dst[p+2] = clamp((c+b)>>8), clamp((c+g)>>8), clamp((c+r)>>8)
		}
	}
}

func clamp(v int) byte {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return byte(v)
}
