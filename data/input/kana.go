package input

import "strings"

// Marks on the kana keyboard that change the kana before them.
const (
	KeyDakuten    = "゛" // voiced: か → が
	KeyHandakuten = "゜" // half-voiced: は → ぱ
	KeySmall      = "小" // small: つ → っ, や → ゃ
)

// Kana is the Japanese 50-sound (gojūon) keyboard: each key a hiragana,
// with the voicing marks and the small-kana key acting on the kana before
// them (pressing one again undoes it: が + ゛ → か).
type Kana struct{}

var (
	dakuten = pairs("かがきぎくぐけげこごさざしじすずせぜそぞただちぢつづてでとどはばひびふぶへべほぼうゔ")
	handaku = pairs("はぱひぴふぷへぺほぽ")
	small   = pairs("あぁいぃうぅえぇおぉつっやゃゆゅよょわゎ")
)

// pairs reads "かがきぎ" as か↔が, き↔ぎ, both ways.
func pairs(s string) map[rune]rune {
	r := []rune(s)
	m := map[rune]rune{}
	for i := 0; i+1 < len(r); i += 2 {
		m[r[i]], m[r[i+1]] = r[i+1], r[i]
	}
	return m
}

// Render applies each mark to the kana before it.
func (Kana) Render(keys []string) (string, string) {
	var out []rune
	for _, k := range keys {
		var table map[rune]rune
		switch k {
		case KeyDakuten:
			table = dakuten
		case KeyHandakuten:
			table = handaku
		case KeySmall:
			table = small
		default:
			out = append(out, []rune(k)...)
			continue
		}
		if n := len(out); n > 0 {
			if r, ok := table[out[n-1]]; ok {
				out[n-1] = r
			}
		}
	}
	return string(out), string(out)
}

// Romaji turns Latin letters into hiragana as they are typed, the way a
// Japanese visitor types on a Latin keyboard: ka → か, kya → きゃ,
// tte → って, nn or n' → ん. Letters that do not (yet) make a kana are
// shown as typed and left out of the query.
type Romaji struct{}

// romajiTable maps romaji to kana; the longest match wins.
var romajiTable = func() map[string]string {
	m := map[string]string{
		"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お",
		"ka": "か", "ki": "き", "ku": "く", "ke": "け", "ko": "こ",
		"ga": "が", "gi": "ぎ", "gu": "ぐ", "ge": "げ", "go": "ご",
		"sa": "さ", "si": "し", "shi": "し", "su": "す", "se": "せ", "so": "そ",
		"za": "ざ", "zi": "じ", "ji": "じ", "zu": "ず", "ze": "ぜ", "zo": "ぞ",
		"ta": "た", "ti": "ち", "chi": "ち", "tu": "つ", "tsu": "つ", "te": "て", "to": "と",
		"da": "だ", "di": "ぢ", "du": "づ", "de": "で", "do": "ど",
		"na": "な", "ni": "に", "nu": "ぬ", "ne": "ね", "no": "の",
		"ha": "は", "hi": "ひ", "hu": "ふ", "fu": "ふ", "he": "へ", "ho": "ほ",
		"ba": "ば", "bi": "び", "bu": "ぶ", "be": "べ", "bo": "ぼ",
		"pa": "ぱ", "pi": "ぴ", "pu": "ぷ", "pe": "ぺ", "po": "ぽ",
		"ma": "ま", "mi": "み", "mu": "む", "me": "め", "mo": "も",
		"ya": "や", "yu": "ゆ", "yo": "よ",
		"ra": "ら", "ri": "り", "ru": "る", "re": "れ", "ro": "ろ",
		"wa": "わ", "wo": "を", "nn": "ん", "n'": "ん", "-": "ー",
		"xa": "ぁ", "xi": "ぃ", "xu": "ぅ", "xe": "ぇ", "xo": "ぉ", "xtu": "っ", "xtsu": "っ",
		"xya": "ゃ", "xyu": "ゅ", "xyo": "ょ", "la": "ぁ", "li": "ぃ", "lu": "ぅ", "le": "ぇ", "lo": "ぉ",
		"sha": "しゃ", "shu": "しゅ", "sho": "しょ", "she": "しぇ",
		"cha": "ちゃ", "chu": "ちゅ", "cho": "ちょ", "che": "ちぇ",
		"ja": "じゃ", "ju": "じゅ", "jo": "じょ", "je": "じぇ",
		"tsa": "つぁ", "fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ",
		"va": "ゔぁ", "vi": "ゔぃ", "vu": "ゔ", "ve": "ゔぇ", "vo": "ゔぉ",
		"thi": "てぃ", "dhi": "でぃ", "twu": "とぅ",
	}
	// Consonant + y + vowel: きゃ, ぎゅ, にょ…
	for c, kana := range map[string]string{"k": "き", "g": "ぎ", "s": "し", "z": "じ", "t": "ち", "d": "ぢ",
		"n": "に", "h": "ひ", "b": "び", "p": "ぴ", "m": "み", "r": "り"} {
		m[c+"ya"], m[c+"yu"], m[c+"yo"] = kana+"ゃ", kana+"ゅ", kana+"ょ"
	}
	return m
}()

// Render converts as much of the keys as makes kana.
func (Romaji) Render(keys []string) (string, string) {
	in := strings.ToLower(strings.Join(keys, ""))
	var out strings.Builder
	pendingFrom := -1 // where letters that make no kana yet begin, in out
	for i := 0; i < len(in); {
		if strings.HasPrefix(in[i:], "nn") && i+2 < len(in) && strings.IndexByte("aiueoy", in[i+2]) >= 0 {
			out.WriteString("ん") // kanna: ん then な
			i++
			pendingFrom = -1
			continue
		}
		if kana, n := romajiAt(in, i); n > 0 {
			out.WriteString(kana)
			i += n
			pendingFrom = -1
			continue
		}
		c := in[i]
		switch {
		case isConsonant(c) && i+1 < len(in) && in[i+1] == c && c != 'n': // kk → っk
			out.WriteString("っ")
			i++
			pendingFrom = -1
			continue
		case c == 'n' && i+1 < len(in) && isConsonant(in[i+1]) && in[i+1] != 'y': // nk → んk
			out.WriteString("ん")
			i++
			pendingFrom = -1
			continue
		}
		if pendingFrom < 0 && isASCIILetter(c) {
			pendingFrom = out.Len()
		}
		if !isASCIILetter(c) {
			pendingFrom = -1
		}
		out.WriteByte(c)
		i++
	}
	text := out.String()
	query := text
	if pendingFrom >= 0 {
		query = text[:pendingFrom]
		if text[pendingFrom:] == "n" {
			query += "ん" // a last n is ん unless a vowel follows: search as if
		}
	}
	return text, query
}

func romajiAt(s string, i int) (string, int) {
	for n := min(4, len(s)-i); n > 0; n-- {
		if kana, ok := romajiTable[s[i:i+n]]; ok {
			return kana, n
		}
	}
	return "", 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' }

func isConsonant(c byte) bool { return isASCIILetter(c) && !strings.ContainsRune("aiueo", rune(c)) }

// Converted reports whether every letter of keys made kana: a visitor who
// typed "silk" on the romaji keys meant the English word.
func (Romaji) Converted(keys []string) bool {
	text, _ := Romaji{}.Render(keys)
	for _, r := range text {
		if r < 0x80 && isASCIILetter(byte(r)) {
			return false
		}
	}
	return true
}
