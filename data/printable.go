package data

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable is s fit for a terminal or a log: control characters (an escape
// sequence can retitle or clear the staff's terminal), the characters that
// reverse or isolate text, and invalid UTF-8 are written as \x1b, \u202e or
// \xff; everything else, Vietnamese and CJK included, is kept as it is.
func Printable(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && needsEscape(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports the characters Printable writes as escapes: C0 and C1
// controls, DEL, and the marks, embeddings, overrides and isolates of
// bidirectional text.
func needsEscape(r rune) bool {
	return r < 0x20 || r >= 0x7F && r <= 0x9F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200E || r == 0x200F || r == 0x061C
}
