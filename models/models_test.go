package models

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

func TestEmbeddedModelsMatchTheirChecksums(t *testing.T) {
	for _, m := range []struct {
		name string
		data []byte
		want string
	}{
		{"blazeface", BlazeFace, BlazeFaceSHA256},
		{"cascade", FrontalFaceCascade, FrontalFaceCascadeSHA256},
		{"segmentation", SelfieSegmentation, SelfieSegmentationSHA256},
	} {
		sum := sha256.Sum256(m.data)
		if got := hex.EncodeToString(sum[:]); got != m.want {
			t.Errorf("%s: sha256 %s, want %s", m.name, got, m.want)
		}
	}
	if len(BlazeFace) != 442005 {
		t.Errorf("blazeface: %d bytes, want 442005", len(BlazeFace))
	}
}
