package input

import "strings"

// Hangul jamo in the order Unicode composes syllables from them, as the
// compatibility letters a keyboard shows.
var (
	hangulInitials = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
	hangulVowels   = []rune("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
	hangulFinals   = []rune("\x00ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
)

// Two vowels or two final consonants typed one after the other that make one.
var (
	compoundVowels = map[[2]rune]rune{
		{'ㅗ', 'ㅏ'}: 'ㅘ', {'ㅗ', 'ㅐ'}: 'ㅙ', {'ㅗ', 'ㅣ'}: 'ㅚ', {'ㅜ', 'ㅓ'}: 'ㅝ',
		{'ㅜ', 'ㅔ'}: 'ㅞ', {'ㅜ', 'ㅣ'}: 'ㅟ', {'ㅡ', 'ㅣ'}: 'ㅢ',
	}
	compoundFinals = map[[2]rune]rune{
		{'ㄱ', 'ㅅ'}: 'ㄳ', {'ㄴ', 'ㅈ'}: 'ㄵ', {'ㄴ', 'ㅎ'}: 'ㄶ', {'ㄹ', 'ㄱ'}: 'ㄺ', {'ㄹ', 'ㅁ'}: 'ㄻ',
		{'ㄹ', 'ㅂ'}: 'ㄼ', {'ㄹ', 'ㅅ'}: 'ㄽ', {'ㄹ', 'ㅌ'}: 'ㄾ', {'ㄹ', 'ㅍ'}: 'ㄿ', {'ㄹ', 'ㅎ'}: 'ㅀ',
		{'ㅂ', 'ㅅ'}: 'ㅄ',
	}
	splitFinals = func() map[rune][2]rune {
		m := map[rune][2]rune{}
		for parts, c := range compoundFinals {
			m[c] = parts
		}
		return m
	}()
)

const (
	syllableBase = 0xAC00
	syllableLast = 0xD7A3
	vowelCount   = 21
	finalCount   = 28
	perInitial   = vowelCount * finalCount
	noJamo       = rune(0)
	compatJamoLo = 0x3131
	compatJamoHi = 0x3163
)

func indexOf(list []rune, r rune) int {
	for i, x := range list {
		if x == r && r != 0 {
			return i
		}
	}
	return -1
}

// IsHangulConsonant and IsHangulVowel tell a keyboard's jamo apart.
func IsHangulConsonant(r rune) bool { return r >= 'ㄱ' && r <= 'ㅎ' }

// IsHangulVowel reports whether r is a vowel jamo.
func IsHangulVowel(r rune) bool { return r >= 'ㅏ' && r <= 'ㅣ' }

// syllable is a syllable being composed: its initial, vowel and final (0: none).
type syllable struct{ initial, vowel, final rune }

func (s syllable) String() string {
	l, v := indexOf(hangulInitials, s.initial), indexOf(hangulVowels, s.vowel)
	if l >= 0 && v >= 0 {
		t := max(indexOf(hangulFinals, s.final), 0)
		return string(rune(syllableBase + (l*vowelCount+v)*finalCount + t))
	}
	var b strings.Builder
	for _, r := range []rune{s.initial, s.vowel, s.final} {
		if r != 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Hangul is the standard Korean 2-set (두벌식) keyboard: consonants on the
// left hand, vowels on the right, syllables composed as they are typed.
// Doubled consonants (ㄲ ㄸ ㅃ ㅆ ㅉ) are their own keys (Shift on a
// physical keyboard); a final consonant moves on to start the next syllable
// when a vowel follows (닭 + ㅏ → 달가).
type Hangul struct{}

// Render composes the jamo keys into syllables.
func (Hangul) Render(keys []string) (string, string) {
	var out strings.Builder
	var cur syllable
	flush := func() {
		out.WriteString(cur.String())
		cur = syllable{}
	}
	for _, k := range keys {
		r := []rune(k)
		if len(r) != 1 || (!IsHangulConsonant(r[0]) && !IsHangulVowel(r[0])) {
			flush()
			out.WriteString(k)
			continue
		}
		c := r[0]
		if IsHangulConsonant(c) {
			switch {
			case cur.initial != 0 && cur.vowel != 0 && cur.final == 0 && indexOf(hangulFinals, c) > 0:
				cur.final = c
			case cur.final != 0 && compoundFinals[[2]rune{cur.final, c}] != 0:
				cur.final = compoundFinals[[2]rune{cur.final, c}]
			default:
				flush()
				cur.initial = c
			}
			continue
		}
		switch {
		case cur.final != 0: // the final consonant starts the next syllable
			moved := cur.final
			if parts, ok := splitFinals[cur.final]; ok {
				cur.final, moved = parts[0], parts[1]
			} else {
				cur.final = 0
			}
			flush()
			cur = syllable{initial: moved, vowel: c}
		case cur.vowel != 0 && compoundVowels[[2]rune{cur.vowel, c}] != 0:
			cur.vowel = compoundVowels[[2]rune{cur.vowel, c}]
		case cur.initial != 0 && cur.vowel == 0:
			cur.vowel = c
		default:
			flush()
			cur.vowel = c
		}
	}
	flush()
	s := out.String()
	return s, s
}

// SyllableRange is the run of syllables a half-typed last letter may yet
// become: a lone consonant any syllable it starts (ㄱ → 가…깋), a syllable
// without a final the same with any final (도 → 도…돟). hi is exclusive.
func SyllableRange(r rune) (lo, hi rune, ok bool) {
	if l := indexOf(hangulInitials, r); l >= 0 {
		lo = rune(syllableBase + l*perInitial)
		return lo, lo + perInitial, true
	}
	if r >= syllableBase && r <= syllableLast && (r-syllableBase)%finalCount == 0 {
		return r, r + finalCount, true
	}
	return 0, 0, false
}

// SplitFinal parts a syllable's final consonant from it, as happens when a
// vowel follows: 작 → 자 + ㄱ (자기), 닭 → 달 + ㄱ.
func SplitFinal(r rune) (head, moved rune, ok bool) {
	if r < syllableBase || r > syllableLast {
		return 0, 0, false
	}
	t := int((r - syllableBase) % finalCount)
	if t == 0 {
		return 0, 0, false
	}
	final := hangulFinals[t]
	keep := rune(0)
	moved = final
	if parts, isCompound := splitFinals[final]; isCompound {
		keep, moved = parts[0], parts[1]
	}
	head = r - rune(t) + rune(max(indexOf(hangulFinals, keep), 0))
	return head, moved, true
}
