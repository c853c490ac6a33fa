package input

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese is typing Vietnamese marks on a Latin keyboard, the two ways
// people in Vietnam do: Telex (luaj → lụa, dd → đ, aa → â, ow → ơ) and VNI
// (lua5 → lụa, d9 → đ, a6 → â, o7 → ơ). Both work at once; a key that
// cannot be a mark where it is typed stays a letter.
type Vietnamese struct{}

// Tones as combining marks, by Telex key and VNI digit.
var (
	telexTones = map[byte]rune{'s': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323', 'z': 0}
	vniTones   = map[byte]rune{'1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323', '0': 0}
)

// Render applies the marks word by word.
func (Vietnamese) Render(keys []string) (string, string) {
	in := strings.Join(keys, "")
	var out strings.Builder
	start := 0
	for i := 0; i <= len(in); i++ {
		if i == len(in) || in[i] == ' ' {
			out.WriteString(vietWord(in[start:i]))
			if i < len(in) {
				out.WriteByte(' ')
			}
			start = i + 1
		}
	}
	s := out.String()
	return s, s
}

// vietWord is one word's letters with their marks.
func vietWord(keys string) string {
	var letters []rune
	var tone rune = -1 // -1: none typed
	for i := 0; i < len(keys); i++ {
		c := keys[i]
		last := len(letters) - 1
		lower := unicode.ToLower
		switch {
		case (c == 'd' || c == 'D') && last >= 0 && lower(letters[last]) == 'd':
			letters[last] = caseOf(letters[last], 'đ')
		case c == '9' && dIndex(letters) >= 0:
			j := dIndex(letters)
			letters[j] = caseOf(letters[j], 'đ')
		case strings.IndexByte("aeoAEO", c) >= 0 && lastVowelIs(letters, lower(rune(c))) >= 0:
			j := lastVowelIs(letters, lower(rune(c)))
			letters[j] = caseOf(letters[j], circumflex(lower(rune(c))))
		case c == '6' && applyShape(letters, "aeo", circumflex):
		case (c == 'w' || c == 'W' || c == '7') && hornOrBreve(letters, c == '7'):
		case c == '8' && applyShape(letters, "a", func(rune) rune { return 'ă' }):
		case c == 'w' || c == 'W':
			letters = append(letters, caseOf(rune(c), 'ư'))
		case hasVowel(letters) && telexTones[lowerByte(c)] != 0 || hasVowel(letters) && (c == 'z' || c == 'Z') && tone >= 0:
			tone = telexTones[lowerByte(c)]
		case hasVowel(letters) && strings.IndexByte("123450", c) >= 0:
			tone = vniTones[c]
		default:
			letters = append(letters, rune(c))
		}
	}
	if tone <= 0 {
		return string(letters)
	}
	at := toneVowel(letters)
	if at < 0 {
		return string(letters)
	}
	marked := norm.NFC.String(string(letters[at]) + string(tone))
	return string(letters[:at]) + marked + string(letters[at+1:])
}

// lastVowelIs finds the word's last vowel when it is v with only consonants
// after it: Telex doubles a vowel to give it a circumflex, also typed after
// the final consonant (gomo → gôm).
func lastVowelIs(letters []rune, v rune) int {
	for i := len(letters) - 1; i >= 0; i-- {
		if isVietVowel(letters[i]) {
			if unicode.ToLower(letters[i]) == v {
				return i
			}
			return -1
		}
	}
	return -1
}

func lowerByte(c byte) byte { return byte(unicode.ToLower(rune(c))) }

// caseOf writes r in the case of like.
func caseOf(like, r rune) rune {
	if unicode.IsUpper(like) {
		return unicode.ToUpper(r)
	}
	return r
}

func circumflex(r rune) rune {
	switch r {
	case 'a', 'â':
		return 'â'
	case 'e', 'ê':
		return 'ê'
	}
	return 'ô'
}

func dIndex(letters []rune) int {
	for i, r := range letters {
		if unicode.ToLower(r) == 'd' {
			return i
		}
	}
	return -1
}

// applyShape gives the last of the vowels in set its shape (VNI's 6, 8).
func applyShape(letters []rune, set string, shape func(rune) rune) bool {
	for i := len(letters) - 1; i >= 0; i-- {
		if strings.ContainsRune(set, unicode.ToLower(letters[i])) {
			letters[i] = caseOf(letters[i], shape(unicode.ToLower(letters[i])))
			return true
		}
	}
	return false
}

// hornOrBreve is Telex's w and VNI's 7: uo → ươ, o → ơ, u → ư, and for
// Telex a → ă.
func hornOrBreve(letters []rune, vni bool) bool {
	for i := len(letters) - 1; i >= 0; i-- {
		switch unicode.ToLower(letters[i]) {
		case 'o':
			letters[i] = caseOf(letters[i], 'ơ')
			if i > 0 && unicode.ToLower(letters[i-1]) == 'u' {
				letters[i-1] = caseOf(letters[i-1], 'ư')
			}
			return true
		case 'u':
			letters[i] = caseOf(letters[i], 'ư')
			return true
		case 'a':
			if vni {
				return false
			}
			letters[i] = caseOf(letters[i], 'ă')
			return true
		}
	}
	return false
}

const vietVowels = "aăâeêioôơuưy"

func isVietVowel(r rune) bool { return strings.ContainsRune(vietVowels, unicode.ToLower(r)) }

func hasVowel(letters []rune) bool {
	for _, r := range letters {
		if isVietVowel(r) {
			return true
		}
	}
	return false
}

// toneVowel is where the tone mark goes: on a vowel with a shape (ơ of ươ,
// â, ê…); else in a cluster of vowels, the last one when a consonant
// follows (toán) and otherwise the first (lụa, hòa), the middle of three;
// the u of qu and the i of gi count as consonants.
func toneVowel(letters []rune) int {
	start, end := -1, -1
	for i, r := range letters {
		if !isVietVowel(r) {
			if start >= 0 {
				break
			}
			continue
		}
		if start < 0 {
			if i > 0 && ((unicode.ToLower(r) == 'u' && unicode.ToLower(letters[i-1]) == 'q') ||
				(unicode.ToLower(r) == 'i' && unicode.ToLower(letters[i-1]) == 'g' && i+1 < len(letters) && isVietVowel(letters[i+1]))) {
				continue
			}
			start = i
		}
		end = i
	}
	if start < 0 {
		return -1
	}
	for i := end; i >= start; i-- {
		if strings.ContainsRune("ăâêôơư", unicode.ToLower(letters[i])) {
			return i
		}
	}
	n := end - start + 1
	switch {
	case n == 1:
		return start
	case end+1 < len(letters):
		return end
	case n == 3:
		return start + 1
	}
	return start
}
