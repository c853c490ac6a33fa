package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold turns text into the form search works on: lower case, Latin letters
// without tone or other marks ("Bát Tràng" → "bat trang"), đ → d. Marks on
// non-Latin scripts are kept, so Japanese が stays が and Korean is untouched;
// katakana become hiragana (セット → せっと), as readings are written.
// Indexed text and queries go through the same function, which is what
// makes "lua van phuc" find "Lụa Vạn Phúc".
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // most of an index is ASCII already
	}
	var b strings.Builder
	b.Grow(len(s))
	latinBase, keptMark := false, false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			if latinBase {
				continue // a separate tone mark or diacritic on a Latin letter
			}
			b.WriteRune(r)
			keptMark = true
			continue
		}
		if base, ok := latinFold(r); ok {
			b.WriteRune(base)
			latinBase = true
			continue
		}
		latinBase = r < 0x250
		if r >= 'ァ' && r <= 'ヶ' {
			r -= 0x60 // katakana as hiragana: a name in either is found by both
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if keptMark {
		// A mark on another script (Japanese voicing written apart): compose
		// it, so text typed either way folds the same.
		return norm.NFC.String(b.String())
	}
	return b.String()
}

// latinFoldTable maps every precomposed Latin letter (Latin-1 to Latin
// Extended-B, and Latin Extended Additional, where Vietnamese letters with
// two marks live) to its lower-case base letter, worked out once from the
// Unicode decompositions: folding a catalogue this way is several times
// faster than normalising every string.
var latinFoldTable = func() map[rune]rune {
	t := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	for _, block := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			d := []rune(norm.NFD.String(string(r)))
			if len(d) > 1 && d[0] < 0x80 {
				t[r] = unicode.ToLower(d[0])
			}
		}
	}
	return t
}()

func latinFold(r rune) (rune, bool) {
	if r < 0xC0 {
		if r < 0x80 {
			return unicode.ToLower(r), true
		}
		return 0, false
	}
	base, ok := latinFoldTable[r]
	return base, ok
}

// isIdeographic reports whether r belongs to a script written without spaces
// between words (Chinese characters, Japanese kana). Such runs are indexed as
// overlapping pairs of characters, the usual way to search them.
func isIdeographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// searchTokens folds s and cuts it into the tokens the index holds: words of
// letters and digits, and, inside runs of Chinese characters or kana, one
// token per character holding it and the next one ("陶瓷器" → 陶瓷 瓷器 器),
// so that any run of characters in a name can be found.
func searchTokens(s string) []string {
	var tokens []string
	var word []rune
	flush := func() {
		if len(word) == 0 {
			return
		}
		if isIdeographic(word[0]) {
			for i := range word {
				tokens = append(tokens, string(word[i:min(i+2, len(word))]))
			}
		} else {
			tokens = append(tokens, string(word))
		}
		word = word[:0]
	}
	for _, r := range Fold(s) {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r):
			flush()
		case len(word) > 0 && isIdeographic(r) != isIdeographic(word[0]):
			flush()
			word = append(word, r)
		default:
			word = append(word, r)
		}
	}
	flush()
	return tokens
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// tokenMemo remembers the tokens of texts met before: an import indexes the
// same village names, crafts and producers with thousands of products.
type tokenMemo map[string][]string

func (m tokenMemo) tokens(s string) []string {
	t, ok := m[s]
	if !ok {
		t = searchTokens(s)
		m[s] = t
	}
	return t
}
