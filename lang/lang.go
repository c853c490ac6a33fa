// Package lang names the visitor languages. It is tiny on purpose: the
// message catalogue (i18n) and the content store (data) both need the
// language type, and neither should pull in the other (data links SQLite
// and bcrypt, which the catalogue of the kiosk's words has no use for).
package lang

import "strings"

// Lang is a language the kiosk speaks to visitors, as a lower-case ISO 639-1 code.
type Lang string

// The five visitor languages. Vietnamese is the default and the last fallback.
const (
	VI Lang = "vi"
	EN Lang = "en"
	KO Lang = "ko"
	ZH Lang = "zh" // Simplified Chinese
	JA Lang = "ja"
)

// All lists the visitor languages in the order the kiosk offers them.
var All = []Lang{VI, EN, KO, ZH, JA}

// Parse accepts a language code in any case ("EN", " ko ") and reports
// whether it is one of the visitor languages.
func Parse(s string) (Lang, bool) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range All {
		if l == known {
			return l, true
		}
	}
	return "", false
}
