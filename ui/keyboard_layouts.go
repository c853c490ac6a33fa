package ui

import (
	"ocopkiosk/data"
	"ocopkiosk/data/input"
)

// keyPage is one page of a visitor keyboard: its keys, row by row, how they
// are read, and the label of the key that switches to it.
type keyPage struct {
	label     string
	method    input.Method
	rows      [][]string
	shiftRows [][]string // the rows with Shift on; nil: no Shift key
}

var (
	latinRows = [][]string{
		{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
		{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
		{"a", "s", "d", "f", "g", "h", "j", "k", "l"},
		{"z", "x", "c", "v", "b", "n", "m"},
	}
	// The Korean 2-set (두벌식) layout: consonants left, vowels right; Shift
	// gives the doubled consonants and ㅒ ㅖ.
	hangulRows = [][]string{
		{"ㅂ", "ㅈ", "ㄷ", "ㄱ", "ㅅ", "ㅛ", "ㅕ", "ㅑ", "ㅐ", "ㅔ"},
		{"ㅁ", "ㄴ", "ㅇ", "ㄹ", "ㅎ", "ㅗ", "ㅓ", "ㅏ", "ㅣ"},
		{"ㅋ", "ㅌ", "ㅊ", "ㅍ", "ㅠ", "ㅜ", "ㅡ"},
	}
	hangulShiftRows = [][]string{
		{"ㅃ", "ㅉ", "ㄸ", "ㄲ", "ㅆ", "ㅛ", "ㅕ", "ㅑ", "ㅒ", "ㅖ"},
		{"ㅁ", "ㄴ", "ㅇ", "ㄹ", "ㅎ", "ㅗ", "ㅓ", "ㅏ", "ㅣ"},
		{"ㅋ", "ㅌ", "ㅊ", "ㅍ", "ㅠ", "ㅜ", "ㅡ"},
	}
	// The 50-sound table, a column per consonant read down its vowels, as
	// Japanese children learn it; the last column holds ん, the long-vowel
	// mark and the keys that voice or shrink the kana before them.
	kanaRows = [][]string{
		{"あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ", "ん"},
		{"い", "き", "し", "ち", "に", "ひ", "み", "", "り", "を", "ー"},
		{"う", "く", "す", "つ", "ぬ", "ふ", "む", "ゆ", "る", "", input.KeyDakuten},
		{"え", "け", "せ", "て", "ね", "へ", "め", "", "れ", "", input.KeyHandakuten},
		{"お", "こ", "そ", "と", "の", "ほ", "も", "よ", "ろ", "", input.KeySmall},
	}
)

// keyPages are a language's keyboard pages, the first shown first: every
// language reaches Latin letters, and each types in its own way.
func keyPages(lang data.Lang, latin, native string) []keyPage {
	switch lang {
	case data.VI:
		return []keyPage{{label: latin, method: input.Vietnamese{}, rows: latinRows}}
	case data.KO:
		return []keyPage{
			{label: native, method: input.Hangul{}, rows: hangulRows, shiftRows: hangulShiftRows},
			{label: latin, method: input.Plain{}, rows: latinRows},
		}
	case data.JA:
		return []keyPage{
			{label: native, method: input.Kana{}, rows: kanaRows},
			{label: latin, method: input.Romaji{}, rows: latinRows},
		}
	}
	// English, and Chinese typed as pinyin (digits for tones).
	return []keyPage{{label: latin, method: input.Plain{}, rows: latinRows}}
}
