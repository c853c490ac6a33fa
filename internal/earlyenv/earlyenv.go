// Package earlyenv adjusts the process environment before Fyne's packages
// read it in their init functions, which run before main. Import it (for
// its side effect) from the kiosk's main package.
//
// It works because Go initialises packages in import-path order as soon as
// their own imports are initialised (the Go spec, "Package initialization"):
// this package imports only os, strings and x/text/language, so it runs before fyne.io/fyne/v2/lang and
// fyne.io/fyne/v2/internal/cache, which wait for text/template and others
// that sort after "ocopkiosk/". A test in cmd/ocopkiosk checks the effect on
// the real binary.
package earlyenv

import (
	"os"
	"strings"

	"golang.org/x/text/language"
)

// CacheDuration is how long Fyne keeps a renderer, a text's texture or an
// image's texture after it was last drawn: Fyne's default is a minute, which
// on a kiosk browsed quickly keeps dozens of screens' textures (with Mesa's
// software renderer, in the process's own memory). Below 11 s Fyne would
// walk the whole window every frame to keep the shown ones alive; 15 s
// walks it every 5 s while nothing changes.
const CacheDuration = "15s"

func init() {
	if os.Getenv("FYNE_CACHE") == "" {
		os.Setenv("FYNE_CACHE", CacheDuration)
	}
	if !hasLanguage(locale()) && os.Getenv("LANGUAGE") == "" {
		// LANG=C.UTF-8 (systemd, containers) or a malformed locale: Fyne
		// would log "Error parsing user locale" from its init. LANGUAGE is
		// what it reads next, and only names message languages, so the C
		// library's character handling stays as it was. The kiosk's own
		// words follow its settings (Vietnamese by default), not the locale.
		os.Setenv("LANGUAGE", "vi")
	}
}

// locale is the locale the C library would use for messages.
func locale() string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return v
		}
	}
	return ""
}

// hasLanguage reports whether a POSIX locale such as vi_VN.UTF-8 names a
// language Fyne can parse, as Fyne reads it. "C" and "POSIX" alone Fyne
// skips quietly; "C.UTF-8", "xx" or "en_!!" it tries to parse and fails.
func hasLanguage(loc string) bool {
	if loc == "" || loc == "C" || loc == "POSIX" {
		return true
	}
	loc, _, _ = strings.Cut(loc, ".")
	loc, _, _ = strings.Cut(loc, "@")
	_, err := language.Parse(strings.ReplaceAll(loc, "_", "-"))
	return err == nil
}
