package pack

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"ocopkiosk/lang"
)

// Text from a pack is shown to visitors and printed to staff's terminals, so
// it is checked for what garbles or chokes either: control characters (an
// escape sequence clears a terminal), the characters that reorder text
// (U+202E turns "Công ty" into "yt gnôC"), and endless runs of combining
// marks or joiners, which cost the text shaper time without showing
// anything. Text is stored in NFC, so that "ạ" typed as a and a dot below
// reads, searches and sorts like the one character.

// maxCombiningRun bounds the combining marks and joiners in a row after one
// letter. Vietnamese needs two at most even decomposed (ệ is e, ̂ and ̣).
const maxCombiningRun = 4

// isBidiControl reports the characters that override or isolate the
// direction of text: embeddings, overrides and isolates.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// isJoiner reports characters that attach to the one before without a
// width of their own: combining marks, zero-width (non-)joiners and
// variation selectors.
func isJoiner(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) || r == 0x200C || r == 0x200D ||
		r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

// textProblem says what in s may not be shown, or nil. Line breaks and tabs
// are allowed only when multiline is set.
func textProblem(s string, multiline bool) error {
	_, err := textProblemAt(s, multiline)
	return err
}

// textProblemAt is textProblem that also gives the byte offset of the
// character at fault, -1 when there is none.
func textProblemAt(s string, multiline bool) (int, error) {
	run := 0
	for i, r := range s {
		switch {
		case (r == '\n' || r == '\t') && multiline:
		case r < 0x20 || r >= 0x7F && r <= 0x9F:
			return i, lang.Phrasef("holds the control character U+%04X at character %d; remove it (it can garble the screen or a terminal)", r, utf8.RuneCountInString(s[:i])+1)
		case isBidiControl(r):
			return i, lang.Phrasef("holds U+%04X at character %d, which reverses or isolates the text around it; remove it", r, utf8.RuneCountInString(s[:i])+1)
		case r == 0xFEFF && i > 0, r == 0xFFFE, r == 0xFFFF:
			return i, lang.Phrasef("holds the invisible character U+%04X at character %d; remove it", r, utf8.RuneCountInString(s[:i])+1)
		}
		if isJoiner(r) {
			if run++; run > maxCombiningRun {
				return i, lang.Phrasef("has more than %d combining marks or joiners in a row at character %d; a letter needs %d at most", maxCombiningRun, utf8.RuneCountInString(s[:i])+1, maxCombiningRun)
			}
		} else {
			run = 0
		}
	}
	return -1, nil
}

// nfc is s in Unicode normal form C.
func nfc(s string) string { return norm.NFC.String(s) }

// lengthProblem says a text of more than max characters is too long, or nil.
func lengthProblem(s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return lang.Phrasef("is %d characters long; at most %d are allowed", n, max)
	}
	return nil
}

// maxFieldLength is the longest text, in characters, each per-language
// field and each plain text column may hold: enough for any real name or
// description, little enough that a screen can always show it whole.
var maxFieldLength = map[string]int{
	"name": 150, "summary": 600, "craft": 100, "era": 100, "subgroup": 100, "unit": 40,
	"description": 3000, "schedule": 600, "meeting_point": 300,
	"producer": 200, "commune": 100, "former_district": 100, "decision_no": 60,
}

// multilineColumn reports whether a column's cells may hold line breaks:
// the longer per-language texts.
func multilineColumn(name string) bool {
	field, _ := splitLang(name)
	switch field {
	case "description", "summary", "schedule", "meeting_point":
		return true
	}
	return false
}
