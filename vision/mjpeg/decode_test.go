package mjpeg

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// sharedSessionA is a real webcam's frames, relative to this package.
const sharedSessionA = "../../../shared/testdata/webcam-session-a/upright"

// decode is DecodeBGR into a new picture.
func decode(frame []byte, width, height int) ([]byte, error) {
	dst := make([]byte, width*height*3)
	return dst, DecodeBGR(dst, frame, width, height)
}

// TestAMotionJPEGFrameWithoutHuffmanTablesIsRead: a real webcam frame,
// encoded as a camera's Motion-JPEG frame and with its Huffman tables left
// out as many webcams send it, reads as the same picture as with them.
func TestAMotionJPEGFrameWithoutHuffmanTablesIsRead(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedSessionA, "*.jpg"))
	if len(paths) == 0 {
		t.Skipf("no frames in %s (../shared is not here)", sharedSessionA)
	}
	f, err := os.Open(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	full, err := decode(buf.Bytes(), w, h)
	if err != nil {
		t.Fatal(err)
	}
	bare := withoutHuffmanTables(buf.Bytes())
	if len(bare) >= buf.Len() {
		t.Fatal("the test frame had no Huffman tables to leave out")
	}
	if _, err := jpeg.Decode(bytes.NewReader(bare)); err == nil {
		t.Fatal("Go's decoder read a frame without Huffman tables: the test shows nothing")
	}
	got, err := decode(bare, w, h)
	if err != nil {
		t.Fatalf("a frame without Huffman tables: %v", err)
	}
	if !bytes.Equal(got, full) {
		t.Error("the frame without Huffman tables reads as another picture")
	}
	// The picture is the frame's: its middle pixel is the decoded image's.
	r, g, b, _ := img.At(w/2, h/2).RGBA()
	p := 3 * (h/2*w + w/2)
	if d := int(full[p+2]) - int(r>>8) + int(full[p+1]) - int(g>>8) + int(full[p]) - int(b>>8); d < -6 || d > 6 {
		t.Errorf("middle pixel BGR %v, the picture's RGB %d %d %d", full[p:p+3], r>>8, g>>8, b>>8)
	}
	if _, err := decode(buf.Bytes(), w/2, h); err == nil {
		t.Error("a frame of another size was read")
	}
}

// withoutHuffmanTables drops a JPEG's DHT segments before its scan.
func withoutHuffmanTables(b []byte) []byte {
	out := append([]byte(nil), b[:2]...)
	i := 2
	for i+3 < len(b) && b[i] == 0xff && b[i+1] != 0xda {
		n := 2 + (int(b[i+2])<<8 | int(b[i+3]))
		if b[i+1] != 0xc4 {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return append(out, b[i:]...)
}
