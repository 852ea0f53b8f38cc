package vision

import (
	"fmt"

	"gocv.io/x/gocv"
)

// bgrIntoMat copies a w × h BGR picture into dst, sizing dst first when it
// is not a picture of that size.
func bgrIntoMat(bgr []byte, w, h int, dst *gocv.Mat) error {
	if dst.Rows() != h || dst.Cols() != w || dst.Type() != gocv.MatTypeCV8UC3 {
		sized := gocv.NewMatWithSize(h, w, gocv.MatTypeCV8UC3)
		sized.CopyTo(dst)
		sized.Close()
	}
	data, err := dst.DataPtrUint8()
	if err != nil {
		return err
	}
	if len(data) != len(bgr) {
		return fmt.Errorf("a %d×%d picture of %d bytes, want %d", w, h, len(bgr), len(data))
	}
	copy(data, bgr)
	return nil
}
