package monitor

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzParseProfile feeds arbitrary bytes to the profile parser: it never
// panics, a refusal is one plain line that says how to recalibrate, and a
// profile it accepts saves and parses back to the same bytes.
func FuzzParseProfile(f *testing.F) {
	good := `{"version": 1, "created": "2026-05-04T10:00:00Z", "source": "camera 0",
		"baseline": {"Width": 640, "Height": 480, "FaceSize": 120, "FaceHeight": 130, "NeckGap": 0.9}}`
	for _, s := range []string{good, "", "{", "null", "[]", `{"version": 1}`, `{"version": 99}`,
		`{"version": 1, "baseline": {"Width": -1, "Height": 480, "FaceSize": 1, "FaceHeight": 1}}`,
		`{"version": 1, "created": "not a time", "baseline": {"Width": 1, "Height": 1, "FaceSize": 1, "FaceHeight": 1}}`,
		`{"version": 1, "baseline": {"Width": 1e999}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseProfile("me.json", data)
		if err != nil {
			msg := err.Error()
			if msg == "" || strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, "hunch calibrate") {
				t.Fatalf("error %q: want one line saying how to recalibrate", msg)
			}
			return
		}
		saved, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("an accepted profile cannot be saved: %v", err)
		}
		again, err := ParseProfile("me.json", saved)
		if err != nil {
			t.Fatalf("a saved profile is refused: %v\n%s", err, saved)
		}
		if resaved, _ := json.Marshal(again); !bytes.Equal(saved, resaved) {
			t.Fatalf("profile changed on a round trip:\n%s\n%s", saved, resaved)
		}
	})
}

// FuzzParseSensitivity: every name is either one of the three levels, which
// round-trips, or a one-line error naming the choices.
func FuzzParseSensitivity(f *testing.F) {
	for _, s := range []string{"low", "medium", "high", "", "max", "Medium", "low\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseSensitivity(s)
		if err != nil {
			if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, "low, medium or high") {
				t.Fatalf("error %q: want one line naming the choices", msg)
			}
			return
		}
		if string(v) != s {
			t.Fatalf("%q parsed as %q", s, v)
		}
	})
}
