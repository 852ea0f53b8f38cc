package mjpeg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"sync"
)

// DecodeBGR decodes one Motion-JPEG frame of width × height pixels into
// dst as 8-bit BGR, three bytes a pixel, row by row; dst holds exactly
// width × height × 3 bytes. Many webcams and AVI files leave out the
// Huffman tables, which every such frame shares (the JPEG standard's own,
// Annex K.3); they are put back before decoding.
func DecodeBGR(dst, frame []byte, width, height int) error {
	if len(dst) != width*height*3 {
		return fmt.Errorf("a %d×%d picture takes %d bytes, not %d", width, height, width*height*3, len(dst))
	}
	img, err := jpeg.Decode(bytes.NewReader(WithHuffmanTables(frame)))
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

// WithHuffmanTables is frame with the standard Huffman tables inserted
// before its scan when it has none of its own (the AVI1 Motion-JPEG that
// many webcams and some AVI files carry), for any JPEG decoder.
func WithHuffmanTables(frame []byte) []byte {
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
