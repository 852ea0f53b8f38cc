package history

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// zoneName names a zone for people: time.Local's IANA name when it can be
// found ($TZ, or the /etc/localtime link), rather than "Local".
func zoneName(loc *time.Location) string {
	if loc != time.Local {
		return loc.String()
	}
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" && !filepath.IsAbs(tz) {
		return tz
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			return target[i+len("zoneinfo/"):]
		}
	}
	return loc.String()
}
