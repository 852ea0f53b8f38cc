package v4l2

import "testing"

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
