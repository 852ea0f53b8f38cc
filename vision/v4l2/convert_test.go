package v4l2

import (
	"bytes"

	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// sharedSessionA is a real webcam's frames, relative to this package.
const sharedSessionA = "../../../shared/testdata/webcam-session-a/upright"

// TestYUYVBecomesTheColoursItEncodes: the BT.601 studio-range values of
// white, black and the primaries come out as those colours.
func TestYUYVBecomesTheColoursItEncodes(t *testing.T) {
	for _, c := range []struct {
		name    string
		y, u, v byte
		b, g, r byte
	}{
		{"white", 235, 128, 128, 255, 255, 255}, {"black", 16, 128, 128, 0, 0, 0},
		{"red", 81, 90, 240, 0, 0, 255}, {"green", 145, 54, 34, 0, 255, 0}, {"blue", 41, 240, 110, 255, 0, 0},
	} {
		got, err := toBGR(nil, []byte{c.y, c.u, c.y, c.v}, YUYV, 2, 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []byte{c.b, c.g, c.r, c.b, c.g, c.r}
		for i := range want {
			if d := int(got[i]) - int(want[i]); d < -2 || d > 2 {
				t.Errorf("%s: BGR %v, want %v", c.name, got, want)
				break
			}
		}
	}
	if _, err := toBGR(nil, make([]byte, 10), YUYV, 4, 2); err == nil {
		t.Error("a short YUYV frame was read")
	}
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
	full, err := toBGR(nil, buf.Bytes(), MJPEG, w, h)
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
	got, err := toBGR(nil, bare, MJPEG, w, h)
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
	if _, err := toBGR(nil, buf.Bytes(), MJPEG, w/2, h); err == nil {
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
