// Package plainlocale stops Fyne from logging "Error parsing user locale C"
// at start-up on systems whose locale is C.UTF-8 (Debian's default, common
// in containers): Fyne's translations initialise when the package loads, and
// "C" is no language tag. Imported for its side effect by gui, this package
// initialises first (it imports nothing outside the standard library and its
// path sorts before Fyne's locale dependencies), and names English as the
// language where the locale names none. A real locale is left alone.
package plainlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
