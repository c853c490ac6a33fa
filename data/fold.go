package data

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold turns text into the form search works on: lower case, Latin letters
// without tone or other marks ("Bát Tràng" → "bat trang"), đ → d. Marks on
// non-Latin scripts are kept, so Japanese が stays が and Korean is untouched.
// Indexed text and queries go through the same function, which is what
// makes "lua van phuc" find "Lụa Vạn Phúc".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	latinBase := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			if latinBase {
				continue // a tone mark or diacritic on a Latin letter
			}
			b.WriteRune(r)
			continue
		}
		latinBase = r < 0x250 // Basic Latin to Latin Extended-B, where Vietnamese letters live
		switch r {
		case 'đ', 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(b.String())
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

// indexText is the text stored in the search index for s: its tokens, space-separated.
func indexText(parts ...string) string {
	var all []string
	for _, p := range parts {
		all = append(all, searchTokens(p)...)
	}
	return strings.Join(all, " ")
}
