package input

// HangulKeys are the 2-set keys that type s: each syllable as its jamo,
// compound vowels and finals as the two keys that make them (과 → ㄱ ㅗ ㅏ).
// Other characters are keys of their own.
func HangulKeys(s string) []string {
	split := map[rune][2]rune{}
	for parts, c := range compoundVowels {
		split[c] = parts
	}
	for parts, c := range compoundFinals {
		split[c] = parts
	}
	var out []string
	add := func(r rune) {
		if parts, ok := split[r]; ok {
			out = append(out, string(parts[0]), string(parts[1]))
			return
		}
		out = append(out, string(r))
	}
	for _, r := range s {
		if r < syllableBase || r > syllableLast {
			out = append(out, string(r))
			continue
		}
		i := int(r - syllableBase)
		add(hangulInitials[i/perInitial])
		add(hangulVowels[i%perInitial/finalCount])
		if t := i % finalCount; t > 0 {
			add(hangulFinals[t])
		}
	}
	return out
}

// KanaKeys are the kana-keyboard keys that type s (hiragana): a voiced
// kana as its plain kana and ゛, a half-voiced one with ゜, a small one
// with 小.
func KanaKeys(s string) []string {
	var out []string
	for _, r := range s {
		switch {
		case isMarked(r, handaku, "はひふへほ"):
			out = append(out, string(handaku[r]), KeyHandakuten)
		case isMarked(r, dakuten, "かきくけこさしすせそたちつてとはひふへほう"):
			out = append(out, string(dakuten[r]), KeyDakuten)
		case isMarked(r, small, "あいうえおつやゆよわ"):
			out = append(out, string(small[r]), KeySmall)
		default:
			out = append(out, string(r))
		}
	}
	return out
}

// isMarked reports whether r is the marked form of one of plain's kana.
func isMarked(r rune, table map[rune]rune, plain string) bool {
	base, ok := table[r]
	if !ok {
		return false
	}
	for _, p := range plain {
		if p == base {
			return true
		}
	}
	return false
}
