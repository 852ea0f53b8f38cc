//go:build !front

package main

import (
	"bytes"
	"image/png"
	"os"
	"regexp"
	"testing"

	"github.com/hunch-posture/hunch/gui"
)

// iconSide is the side of Icon.png, in pixels.
const iconSide = 256

// Set HUNCH_WRITE_ICON=1 to write Icon.png again after the icon's drawing changed.
func TestFyneAppTomlNamesTheAppIDAndTheIconBesideMain(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`ID = "` + gui.AppID + `"`, `Name = "Hunch"`, `Icon = "Icon.png"`, "fyneDo = true"} {
		if !bytes.Contains(toml, []byte(want)) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
	if !regexp.MustCompile(`Categories = \[.*"Utility".*\]`).Match(toml) {
		t.Error("FyneApp.toml should list the Utility category")
	}
	want, err := gui.AppIconPNG(iconSide)
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("HUNCH_WRITE_ICON") == "1" {
		if err := os.WriteFile("Icon.png", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("Icon.png")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil || img.Bounds().Dx() != iconSide || img.Bounds().Dy() != iconSide {
		t.Fatalf("Icon.png: %v, %v", err, img)
	}
	if !bytes.Equal(got, want) {
		t.Error("Icon.png is not the app icon as drawn now: run HUNCH_WRITE_ICON=1 go test -run FyneAppToml ./cmd/hunch/")
	}
}
