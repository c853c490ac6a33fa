package data

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
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
		return fmt.Errorf("address is %d characters long; at most %d are allowed", len(raw), MaxLinkLength)
	}
	if !utf8.ValidString(raw) {
		return errors.New("address is not valid text (not UTF-8)")
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f || !unicode.IsPrint(r) {
			return errors.New("address contains spaces or control characters; encode them (%20) or remove them")
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a web address (%v)", err)
	}
	switch {
	case !strings.EqualFold(u.Scheme, "https"):
		return errors.New("must start with https://")
	case u.Opaque != "" || u.Host == "":
		return errors.New("has no host name; expected https://host/…")
	case u.User != nil:
		return errors.New("must not contain a user name or password before the host (the part before @)")
	case u.Port() != "":
		return errors.New("must not name a port (the :number after the host)")
	}
	// The host as written, not as url.Parse decoded it: "shop%65e.vn" is
	// read as shopee.vn by a browser but not by a person.
	authority := raw[len(u.Scheme)+len("://"):]
	if i := strings.IndexAny(authority, "/?#"); i >= 0 {
		authority = authority[:i]
	}
	switch {
	case strings.Contains(authority, "%"):
		return fmt.Errorf("host %q must be written plainly, without %%-codes", authority)
	case strings.ContainsAny(authority, "[]"):
		return fmt.Errorf("host %q is a numeric address; expected a domain name such as shopee.vn", u.Hostname())
	case strings.Contains(authority, ":"):
		return errors.New("must not name a port (the :number after the host)")
	}
	return checkLinkHost(u.Hostname())
}

// checkLinkHost checks a link's host name; see CheckLink.
func checkLinkHost(host string) error {
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return fmt.Errorf("host %q must be plain letters, digits, dots and hyphens (an international name in its xn-- form)", host)
		}
	}
	if !strings.Contains(host, ".") {
		return fmt.Errorf("host %q is not a public domain name", host)
	}
	labels := strings.Split(host, ".")
	for _, label := range labels {
		// An empty part (".shopee.vn", "shopee.vn.") is left to the
		// allow-list, which matches no such host.
		switch {
		case len(label) > 63:
			return fmt.Errorf("host %q has a part longer than 63 characters", host)
		case strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-"):
			return fmt.Errorf("host %q has a part that starts or ends with a hyphen", host)
		}
		if msg := checkPunycode(label); msg != "" {
			return fmt.Errorf("host %q %s", host, msg)
		}
	}
	if top := labels[len(labels)-1]; top != "" && strings.Trim(top, "0123456789") == "" {
		return fmt.Errorf("host %q is a numeric address; expected a domain name such as shopee.vn", host)
	}
	return nil
}

// checkPunycode says what is wrong with one xn-- label of a host, or "".
func checkPunycode(label string) string {
	encoded, ok := cutPrefixFold(label, "xn--")
	if !ok {
		return ""
	}
	name, err := decodePunycode(strings.ToLower(encoded))
	if err != nil || name == "" {
		return "has an xn-- part that is not a correctly encoded international name"
	}
	latin, cjk := false, false
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z':
			latin = true
		case r < 0x80:
			if !(r >= '0' && r <= '9' || r == '-') {
				return "has an xn-- part that is not a correctly encoded international name"
			}
		case unicode.Is(unicode.Latin, r) && (r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF):
			// Accented Latin letters, Vietnamese among them; not the IPA
			// or full-width forms that copy plain ones (ɑ, ｓ).
			latin = true
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			cjk = true
		case unicode.In(r, unicode.Mn, unicode.Mc) || r == 0x30FC: // combining marks; katakana ー
		default:
			return fmt.Sprintf("is %q in disguise: it holds letters (%q) that can look like others; use the site's plain address", name, r)
		}
	}
	if !strings.ContainsFunc(name, func(r rune) bool { return r >= 0x80 }) {
		return "has an xn-- part that is not a correctly encoded international name"
	}
	if latin && cjk {
		return fmt.Sprintf("is %q in disguise: it mixes alphabets; use the site's plain address", name)
	}
	return ""
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// decodePunycode decodes the part of a host label after "xn--" (RFC 3492).
func decodePunycode(s string) (string, error) {
	const (
		base, tmin, tmax = 36, 1, 26
		skew, damp       = 38, 700
		initialBias      = 72
		initialN         = 128
		maxRune          = unicode.MaxRune
	)
	bad := errors.New("bad punycode")
	var out []rune
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		for _, r := range s[:i] {
			if r >= 0x80 {
				return "", bad
			}
			out = append(out, r)
		}
		s = s[i+1:]
	}
	n, bias, i := rune(initialN), int32(initialBias), int32(0)
	for pos := 0; pos < len(s); {
		oldi, w := i, int32(1)
		for k := int32(base); ; k += base {
			if pos >= len(s) {
				return "", bad
			}
			c := s[pos]
			pos++
			var digit int32
			switch {
			case c >= 'a' && c <= 'z':
				digit = int32(c - 'a')
			case c >= '0' && c <= '9':
				digit = int32(c-'0') + 26
			default:
				return "", bad
			}
			if digit > (maxRune-i)/w {
				return "", bad
			}
			i += digit * w
			t := k - bias
			if t < tmin {
				t = tmin
			} else if t > tmax {
				t = tmax
			}
			if digit < t {
				break
			}
			if w > maxRune/(base-t) {
				return "", bad
			}
			w *= base - t
		}
		count := int32(len(out) + 1)
		// adapt the bias
		delta := i - oldi
		if oldi == 0 {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / count
		k := int32(0)
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		bias = k + (base-tmin+1)*delta/(delta+skew)
		if i/count > maxRune-n {
			return "", bad
		}
		n += i / count
		i %= count
		if n > maxRune || (n >= 0xD800 && n <= 0xDFFF) || len(out) >= 63 {
			return "", bad
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = n
		i++
	}
	return string(out), nil
}

// HostAllowed reports whether host matches an entry of allowed, the kiosk's
// list of sites a QR code may point to (Settings.AllowedHosts). Both are
// compared in lower case. An entry is a host name matched exactly, or
// "*.example.com", which matches every subdomain of example.com at any depth
// but not example.com itself: the wildcard needs at least one label before
// the suffix, so "*.shopee.vn" matches "mall.shopee.vn" but neither
// "shopee.vn" nor "evilshopee.vn"; and the match is on the suffix, never a
// prefix, so "shopee.vn.evil.com" matches nothing. An empty list allows
// nothing.
func HostAllowed(host string, allowed []string) bool {
	host = strings.ToLower(host)
	for _, entry := range allowed {
		entry = strings.ToLower(entry)
		if suffix, ok := strings.CutPrefix(entry, "*"); ok {
			if strings.HasPrefix(suffix, ".") && len(host) > len(suffix) && strings.HasSuffix(host, suffix) {
				return true
			}
		} else if host == entry {
			return true
		}
	}
	return false
}
