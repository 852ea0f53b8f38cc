package v4l2

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"sync"
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
		return dst, jpegToBGR(dst, frame, width, height)
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

// jpegToBGR decodes one Motion-JPEG frame. Many webcams leave out the
// Huffman tables, which every such frame shares (the JPEG standard's
// own, Annex K.3); they are put back before decoding.
func jpegToBGR(dst, frame []byte, width, height int) error {
	img, err := jpeg.Decode(bytes.NewReader(withHuffmanTables(frame)))
	if err != nil {
		return fmt.Errorf("a Motion-JPEG frame: %w", err)
	}
	if r := img.Bounds(); r.Dx() != width || r.Dy() != height {
		return fmt.Errorf("a Motion-JPEG frame of %d×%d, want %d×%d", r.Dx(), r.Dy(), width, height)
	}
	switch m := img.(type) {
	case *image.YCbCr:
		for y := 0; y < height; y++ {
			row := dst[y*width*3:]
			for x := 0; x < width; x++ {
				yi, ci := m.YOffset(x+m.Rect.Min.X, y+m.Rect.Min.Y), m.COffset(x+m.Rect.Min.X, y+m.Rect.Min.Y)
				r, g, b := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
				row[3*x], row[3*x+1], row[3*x+2] = b, g, r
			}
		}
	case *image.Gray:
		for y := 0; y < height; y++ {
			for x := 0; x < width; x++ {
				v := m.Pix[m.PixOffset(x+m.Rect.Min.X, y+m.Rect.Min.Y)]
				p := 3 * (y*width + x)
				dst[p], dst[p+1], dst[p+2] = v, v, v
			}
		}
	default:
		for y := 0; y < height; y++ {
			for x := 0; x < width; x++ {
				c := color.RGBAModel.Convert(img.At(x+img.Bounds().Min.X, y+img.Bounds().Min.Y)).(color.RGBA)
				p := 3 * (y*width + x)
				dst[p], dst[p+1], dst[p+2] = c.B, c.G, c.R
			}
		}
	}
	return nil
}

// withHuffmanTables is frame with the standard Huffman tables inserted
// before its scan when it has none of its own.
func withHuffmanTables(frame []byte) []byte {
	for i := 2; i+3 < len(frame); {
		if frame[i] != 0xff {
			return frame // not a marker where one should be: let the decoder say so
		}
		switch marker := frame[i+1]; marker {
		case 0xc4: // DHT: tables of its own
			return frame
		case 0xda: // SOS: the scan, with no tables before it
			out := make([]byte, 0, len(frame)+len(standardTables()))
			out = append(append(append(out, frame[:i]...), standardTables()...), frame[i:]...)
			return out
		}
		i += 2 + (int(frame[i+2])<<8 | int(frame[i+3]))
	}
	return frame
}

// standardTables are the DHT segments of the JPEG standard's Huffman
// tables (Annex K.3) for luminance and chrominance, as Go's encoder writes
// them: taken from a colour picture it encodes, not typed in.
var standardTables = sync.OnceValue(func() []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 8, 8)), nil); err != nil {
		return nil // cannot happen in memory; the frame's decoding would then say what is missing
	}
	var dht []byte
	b := buf.Bytes()
	for i := 2; i+3 < len(b) && b[i] == 0xff && b[i+1] != 0xda; {
		n := 2 + (int(b[i+2])<<8 | int(b[i+3]))
		if b[i+1] == 0xc4 {
			dht = append(dht, b[i:i+n]...)
		}
		i += n
	}
	return dht
})
