//go:build matprofile && linux

package vision

import (
	"context"
	"testing"

	"gocv.io/x/gocv"
)

// TestMatProfileADirectCameraLeavesNoMat: frames of changing sizes read
// from a camera read directly leave no Mat behind.
func TestMatProfileADirectCameraLeavesNoMat(t *testing.T) {
	before := gocv.MatProfile.Count()
	dst := gocv.NewMat()
	for _, size := range [][2]int{{8, 6}, {8, 6}, {16, 12}, {4, 4}} {
		src, err := newDirectCamera(&standInCamera{w: size[0], h: size[1]}, "camera 7", 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			if _, err := src.next(context.Background(), &dst); err != nil {
				t.Fatal(err)
			}
		}
		src.Close()
	}
	dst.Close()
	if after := gocv.MatProfile.Count(); after != before {
		t.Errorf("%d Mats left behind", after-before)
	}
}
