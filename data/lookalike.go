package data

import (
	"strings"
	"unicode"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"
)

// A host can pass for another without a single foreign letter: "ǀazada"
// (U+01C0, a click sign) reads as "lazada", "tıkı" (dotless ı) as "tiki",
// "ƶalo" as "zalo", and "goog1e" as "google". Such a host is compared with
// the allowed ones by its skeleton, after Unicode's confusable detection
// (UTS #39): the letters it is made of, with marks dropped and each
// character that copies a plain letter or digit replaced by it. Two hosts
// with one skeleton look alike; if one is allowed, the other is refused.

// confusables maps the Latin letters a host may hold (checkPunycode) that
// copy plain letters to what they copy; accented letters need no entry, as
// their marks are dropped.
var confusables = map[rune]string{
	'ı': "i", 'ȷ': "j", 'ǀ': "l", 'ǁ': "ll", 'ƚ': "l", 'ł': "l", 'ŀ': "l", 'Ɩ': "l", 'ĺ': "l",
	'ƶ': "z", 'ȥ': "z", 'ƀ': "b", 'ƃ': "b", 'ƅ': "b", 'ƈ': "c", 'ȼ': "c", 'đ': "d", 'ƌ': "d", 'ȡ': "d",
	'ħ': "h", 'ƙ': "k", 'ĸ': "k", 'ƞ': "n", 'ŋ': "n", 'ø': "o", 'ɵ': "o", 'ƥ': "p", 'þ': "p", 'ɋ': "q",
	'ɍ': "r", 'ß': "ss", 'ſ': "f", 'ƒ': "f", 'ŧ': "t", 'ƫ': "t", 'ƭ': "t", 'ƴ': "y", 'ɏ': "y",
	'ȝ': "3", 'æ': "ae", 'œ': "oe", 'ĳ': "ij", 'ǆ': "dz", 'ǉ': "lj", 'ǌ': "nj", 'ǳ': "dz", 'ǝ': "e",
	'0': "o", '1': "l",
}

// skeleton is what a host name looks like (see above).
func skeleton(host string) string {
	name, err := idna.Punycode.ToUnicode(strings.ToLower(host))
	if err != nil {
		name = strings.ToLower(host)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if m, ok := confusables[r]; ok {
			b.WriteString(m)
		} else if m, ok := confusables[unicode.ToLower(r)]; ok {
			b.WriteString(m)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	// Pairs of plain letters that read as one.
	return strings.NewReplacer("rn", "m", "vv", "w").Replace(b.String())
}

// lookAlike returns the host of hosts that host looks like without being
// it, or "": the whole names or their registrable domains share a skeleton.
func lookAlike(host string, hosts []string) string {
	host = strings.ToLower(host)
	sk := skeleton(host)
	domain, _ := publicsuffix.EffectiveTLDPlusOne(host)
	for _, h := range hosts {
		h = strings.ToLower(h)
		if h == host || h == "" {
			continue
		}
		if skeleton(h) == sk {
			return h
		}
		hd, err := publicsuffix.EffectiveTLDPlusOne(h)
		if err == nil && domain != "" && hd != domain && skeleton(hd) == skeleton(domain) {
			return h
		}
	}
	return ""
}
