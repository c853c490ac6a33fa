package data

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"ocopkiosk/lang"
)

// MaxLinkLength bounds a link: a longer one makes a QR code too dense to scan
// from a metre.
const MaxLinkLength = 512

// CheckLink reports why a web address from a pack may not be shown to a
// visitor, or nil when it may: https only, a plain host name (no user name,
// password or port, ASCII only so that no look-alike letters can hide where
// it goes), and not too long.
//
// The host is a domain name of ASCII letters, digits and hyphens, written
// as it is (no %-codes, no IP address). An international
// name may come in its xn-- (punycode) form, but only when it decodes
// correctly to letters of the Latin alphabet (with Vietnamese marks) or of
// Chinese, Japanese or Korean: a name that mixes in Cyrillic or Greek
// letters, which can look exactly like Latin ones ("shopеe.vn" with a
// Cyrillic е), is refused. Whether a host may be linked to at all is the
// kiosk's allow-list (see HostAllowed).
func CheckLink(raw string) error {
	if len(raw) > MaxLinkLength {
		return lang.Phrasef("address is %d characters long; at most %d are allowed", len(raw), MaxLinkLength)
	}
	if !utf8.ValidString(raw) {
		return lang.Phrasef("address is not valid text (not UTF-8)")
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f || !unicode.IsPrint(r) {
			return lang.Phrasef("address contains spaces or control characters; encode them (%%20) or remove them")
		}
	}
	if strings.Contains(raw, "\\") {
		return lang.Phrasef("address contains a back-slash, which a browser reads as /; write / or %%5C")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return lang.Phrasef("not a web address (%v)", err)
	}
	switch {
	case !strings.EqualFold(u.Scheme, "https"):
		return lang.Phrasef("must start with https://")
	case u.Opaque != "" || u.Host == "":
		return lang.Phrasef("has no host name; expected https://host/…")
	case u.User != nil:
		return lang.Phrasef("must not contain a user name or password before the host (the part before @)")
	case u.Port() != "":
		return lang.Phrasef("must not name a port (the :number after the host)")
	}
	// The host as written, not as url.Parse decoded it: "shop%65e.vn" is
	// read as shopee.vn by a browser but not by a person.
	authority := raw[len(u.Scheme)+len("://"):]
	if i := strings.IndexAny(authority, "/?#"); i >= 0 {
		authority = authority[:i]
	}
	switch {
	case strings.Contains(authority, "%"):
		return lang.Phrasef("host %q must be written plainly, without %%-codes", authority)
	case strings.ContainsAny(authority, "[]"):
		return lang.Phrasef("host %q is a numeric address; expected a domain name such as shopee.vn", u.Hostname())
	case strings.Contains(authority, ":"):
		return lang.Phrasef("must not name a port (the :number after the host)")
	}
	if err := checkLinkHost(u.Hostname()); err != nil {
		return err
	}
	if hasDotSegment(u.EscapedPath()) {
		return lang.Phrasef("path has a . or .. part, which a browser removes; write the path it leads to")
	}
	return nil
}

// checkLinkHost checks a link's host name; see CheckLink.
func checkLinkHost(host string) error {
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return lang.Phrasef("host %q must be plain letters, digits, dots and hyphens (an international name in its xn-- form)", host)
		}
	}
	// A browser reads any host whose last part is a number (decimal, or
	// hex as 0x7f) as an IPv4 address, whatever the other parts are and
	// with or without a dot at the end: 10.0.0.0x1, 0x7f.1, 127.0.0.1.
	if endsInNumber(host) {
		return lang.Phrasef("host %q is a numeric address; expected a domain name such as shopee.vn", host)
	}
	switch {
	case strings.HasSuffix(host, "."):
		return lang.Phrasef("host %q ends with a dot; write the name without it", host)
	case !strings.Contains(host, "."):
		return lang.Phrasef("host %q is not a public domain name", host)
	}
	labels := strings.Split(host, ".")
	for _, label := range labels {
		switch {
		case label == "":
			return lang.Phrasef("host %q has an empty part (two dots in a row, or a dot at the start)", host)
		case len(label) > 63:
			return lang.Phrasef("host %q has a part longer than 63 characters", host)
		case strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-"):
			return lang.Phrasef("host %q has a part that starts or ends with a hyphen", host)
		}
		if msg := checkPunycode(label); msg != nil {
			return lang.Phrasef("host %q %v", host, msg)
		}
	}
	// The whole name as IDNA registration allows it (hyphens, joiners,
	// bidirectional rules), as a registry would.
	if _, err := idna.Registration.ToUnicode(strings.ToLower(host)); err != nil {
		return lang.Phrasef("host %q is not a name a registry would accept (%v)", host, err)
	}
	if like := lookAlike(host, entryHosts(DefaultAllowedHosts)); like != "" {
		return lang.Phrasef("host %q looks like %s but is another site; use the site's plain address", host, like)
	}
	return nil
}

// endsInNumber is the URL standard's "ends in a number" test: whether a
// browser parses host as an IPv4 address. The last part (after dropping one
// empty part for a dot at the end) is all decimal digits, or 0x or 0X and
// hex digits.
func endsInNumber(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) > 1 && labels[len(labels)-1] == "" {
		labels = labels[:len(labels)-1]
	}
	last := labels[len(labels)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	if hex, ok := cutPrefixFold(last, "0x"); ok {
		return strings.Trim(hex, "0123456789abcdefABCDEF") == ""
	}
	return false
}

// checkPunycode says what is wrong with one xn-- label of a host, or "".
func checkPunycode(label string) error {
	if _, ok := cutPrefixFold(label, "xn--"); !ok {
		return nil
	}
	name, err := idna.Punycode.ToUnicode(strings.ToLower(label))
	if err != nil || name == "" || name == strings.ToLower(label) {
		return lang.Phrasef("has an xn-- part that is not a correctly encoded international name")
	}
	latin, cjk := false, false
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			latin = true
		case r < 0x80:
			if !(r >= '0' && r <= '9' || r == '-') {
				return lang.Phrasef("has an xn-- part that is not a correctly encoded international name")
			}
		case unicode.Is(unicode.Latin, r) && (r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF):
			// Accented Latin letters, Vietnamese among them; not the IPA
			// or full-width forms that copy plain ones (ɑ, ｓ). Those that
			// copy a plain letter (ı, ǀ, ƶ) are caught by lookAlike.
			latin = true
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			cjk = true
		case unicode.In(r, unicode.Mn, unicode.Mc) || r == 0x30FC: // combining marks; katakana ー
		default:
			return lang.Phrasef("is %q in disguise: it holds letters (%q) that can look like others; use the site's plain address", name, r)
		}
	}
	if !strings.ContainsFunc(name, func(r rune) bool { return r >= 0x80 }) {
		return lang.Phrasef("has an xn-- part that is not a correctly encoded international name")
	}
	if latin && cjk {
		return lang.Phrasef("is %q in disguise: it mixes alphabets; use the site's plain address", name)
	}
	return nil
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
