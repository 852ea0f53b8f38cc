package vision

import (
	"crypto/sha256"
	_ "embed" // the demo's face picture is embedded
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// faceJPEG is gocv's sample webcam frame (faceimage/face.jpg, a real 640×480
// upright face; licence and source in faceimage/NOTICE.md).
//
//go:embed faceimage/face.jpg
var faceJPEG []byte

// faceJPEGSHA256 is the expected sha256 of faceJPEG.
const faceJPEGSHA256 = "51f524c76aeb4e12f97476978e1f3b0d0276b9db0a159833d10ca242a19cbf50"

// FaceImagePath gives a file holding the embedded face picture: the base
// frame for generated clips (the demo's among them) and the reference image
// for tests and benchmarks. It is written once into the temporary folder,
// named by its checksum, so it needs no Go toolchain and no home folder.
func FaceImagePath() (string, error) {
	sum := sha256.Sum256(faceJPEG)
	if got := hex.EncodeToString(sum[:]); got != faceJPEGSHA256 {
		return "", fmt.Errorf("the embedded face picture is damaged (sha256 %s): reinstall Hunch", got)
	}
	path := filepath.Join(os.TempDir(), "hunch-face-"+faceJPEGSHA256[:16]+".jpg")
	if data, err := os.ReadFile(path); err == nil && sha256.Sum256(data) == sum {
		return path, nil
	}
	tmp, err := os.CreateTemp(os.TempDir(), "hunch-face-*.partial")
	if err != nil {
		return "", fmt.Errorf("write the demo's face picture: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(faceJPEG); err != nil {
		tmp.Close()
		return "", fmt.Errorf("write the demo's face picture: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("write the demo's face picture: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("write the demo's face picture: %w", err)
	}
	return path, nil
}
