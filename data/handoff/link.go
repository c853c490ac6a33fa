// Package handoff builds what a visitor takes from the kiosk to their own
// phone: the web links and bank-transfer payloads shown as QR codes, and the
// QR images themselves. It knows nothing of Fyne, so that every code a screen
// shows can be checked in a plain test, down to decoding the picture.
package handoff

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"

	"ocopkiosk/data"
)

// Kind says what a hand-off code does for the visitor, so that a screen can
// label it ("Scan to buy") and the scan statistics can be counted per kind.
type Kind string

// The kinds of hand-off code.
const (
	KindBuy        Kind = "buy"        // a product's online shop page
	KindSignup     Kind = "signup"     // a tour's sign-up page
	KindDirections Kind = "directions" // Google Maps directions to a village
	KindPay        Kind = "pay"        // a VietQR bank transfer
)

// DefaultAllowedHosts lists the sites the sample content and the directions
// codes point to. Each entry is a host name matched exactly (any case), or
// "*.example.com", which matches every subdomain of example.com at any depth
// but not example.com itself, either followed by a path prefix such as
// /maps/ (see data.LinkAllowed). There are deliberately no wildcards here: the
// shops' own short-link hosts (s.shopee.vn, s.lazada.vn) would come in with
// them, and public advice on QR fraud is to never put a link shortener
// behind a code, since the visitor cannot read where it goes.
var DefaultAllowedHosts = data.DefaultAllowedHosts // one list, kept in data for the settings

// Context is what every link from one kiosk screen shares: which showroom
// and item it was scanned at, the visitor's language, and the sites the
// kiosk may send anyone to.
type Context struct {
	CentreID     string    // becomes utm_campaign
	ItemID       string    // becomes utm_content; the Link helpers set it from the item
	Lang         data.Lang // becomes lang, so the page can open in the visitor's language
	AllowedHosts []string  // as DefaultAllowedHosts; an empty list allows nothing
}

// trackingKeys are the query parameters BuildLink writes. A link's own
// parameters of the same names are dropped so that ours are the only ones:
// a duplicated utm_source would be counted as either, depending on the site.
var trackingKeys = []string{"utm_source", "utm_medium", "utm_campaign", "utm_content", "lang"}

// BuildLink is the one place that turns a web address into the text of a QR
// code, so that every code a visitor scans passes the same checks:
//
//   - raw must pass data.CheckLink (https, no user name or port, an ASCII
//     host, at most data.MaxLinkLength characters), the same rule that
//     content packs are imported with; so an address with a literal space
//     is refused, as in a pack, and must be written with %20 or +;
//   - its host and path must be on c.AllowedHosts, and it must not be a
//     redirector (see data.LinkAllowed);
//   - the link's own query parameters keep their order and encoding, and
//     utm_source=ocop-kiosk, utm_medium=qr, utm_campaign, utm_content and
//     lang are appended after them (empty ones are left out), replacing
//     any the link already had under those names;
//   - the fragment (#…) stays at the end;
//   - the scheme and host are written in lower case, an empty path as "/",
//     and every non-ASCII byte is percent-encoded, because a QR code
//     carries no character set: the result is plain ASCII and is exactly
//     what the code holds. It may be longer than data.MaxLinkLength by the
//     parameters and encoding added; Code refuses what does not fit.
func BuildLink(raw string, c Context) (string, error) {
	if err := data.CheckLink(raw); err != nil {
		return "", err
	}
	u, err := url.Parse(raw)
	if err != nil { // CheckLink has parsed it already
		return "", err
	}
	host := strings.ToLower(u.Hostname())
	if err := data.LinkAllowed(raw, c.AllowedHosts); err != nil {
		return "", err
	}

	// Work on the raw text rather than on u, whose String would re-encode
	// the path and query in its own way. The cuts are the ones url.Parse
	// makes: the fragment at the first '#', then the query at the first '?'.
	rest, fragment, _ := strings.Cut(raw, "#")
	rest, query, _ := strings.Cut(rest, "?")
	authorityAndPath := rest[len("https://"):] // CheckLink: scheme https, a host, no opaque part
	// An empty path means "/" for https, and "tiki.vn/?a" reads better than "tiki.vn?a".
	path := "/"
	if i := strings.IndexByte(authorityAndPath, '/'); i >= 0 {
		path = authorityAndPath[i:]
	}

	var params []string
	for _, p := range strings.Split(query, "&") {
		if p != "" && !isTrackingParam(p) {
			params = append(params, p)
		}
	}
	values := []string{"ocop-kiosk", "qr", c.CentreID, c.ItemID, string(c.Lang)}
	for i, key := range trackingKeys {
		if values[i] != "" {
			params = append(params, key+"="+url.QueryEscape(values[i]))
		}
	}

	var b strings.Builder
	b.WriteString("https://")
	b.WriteString(host)
	b.WriteString(escapeNonASCII(path))
	b.WriteString("?")
	b.WriteString(escapeNonASCII(strings.Join(params, "&")))
	if fragment != "" {
		b.WriteString("#")
		b.WriteString(escapeNonASCII(fragment))
	}
	return b.String(), nil
}

// hostAllowed reports whether host (lower case) matches an entry of allowed.
// A wildcard needs at least one label before the suffix, so that
// "*.shopee.vn" matches "mall.shopee.vn" but neither "shopee.vn" nor
// "evilshopee.vn"; and a suffix match, never a prefix one, so that
// "shopee.vn.evil.com" matches nothing.
func hostAllowed(host string, allowed []string) bool { return data.HostAllowed(host, allowed) }

// isTrackingParam reports whether a raw key=value pair carries one of the
// parameters BuildLink writes, comparing the decoded key so that an encoded
// "utm%5Fsource" is not left beside ours.
func isTrackingParam(pair string) bool {
	key, _, _ := strings.Cut(pair, "=")
	if k, err := url.QueryUnescape(key); err == nil {
		key = k
	}
	for _, t := range trackingKeys {
		if key == t {
			return true
		}
	}
	return false
}

// escapeNonASCII percent-encodes each byte of s outside ASCII and leaves
// everything else as written. Applied to UTF-8 text this is exactly the
// standard encoding of its characters ("bình" → "b%C3%ACnh").
func escapeNonASCII(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xF])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// ProductLink is the "buy" link of a product: its purchase address through
// BuildLink, tagged with the product's id (c.ItemID is replaced). It is an
// error when the product has no purchase address, so that a screen shows no
// code rather than an empty one.
func ProductLink(p data.Product, c Context) (string, error) {
	if p.PurchaseURL == "" {
		return "", fmt.Errorf("product %s has no purchase address", p.ID)
	}
	c.ItemID = p.ID
	return BuildLink(p.PurchaseURL, c)
}

// TourLink is the sign-up link of a tour through BuildLink, tagged with the
// tour's id (c.ItemID is replaced).
func TourLink(t data.Tour, c Context) (string, error) {
	if t.SignupURL == "" {
		return "", fmt.Errorf("tour %s has no sign-up address", t.ID)
	}
	c.ItemID = t.ID
	return BuildLink(t.SignupURL, c)
}

// DirectionsLink is a Google Maps link for directions from wherever the
// visitor is to the village, through BuildLink (so www.google.com must be
// allowed), tagged with the village's id (c.ItemID is replaced). The
// coordinates have at most six decimals (about 10 cm, more than enough) and
// no trailing zeros, and the comma between them stays literal as in Google's
// documented form: https://www.google.com/maps/dir/?api=1&destination=21.0285,105.8542
// A village at 0,0 has no location, which is an error.
func DirectionsLink(v data.Village, c Context) (string, error) {
	switch {
	case math.IsNaN(v.Lat) || math.IsNaN(v.Lng) || math.Abs(v.Lat) > 90 || math.Abs(v.Lng) > 180:
		return "", fmt.Errorf("village %s has an impossible location %v,%v", v.ID, v.Lat, v.Lng)
	case v.Lat == 0 && v.Lng == 0:
		return "", fmt.Errorf("village %s has no location", v.ID)
	}
	c.ItemID = v.ID
	return BuildLink("https://www.google.com/maps/dir/?api=1&destination="+coordinate(v.Lat)+","+coordinate(v.Lng), c)
}

// coordinate writes a latitude or longitude with at most six decimals and
// without trailing zeros: 21.0285, 105.8, 0.
func coordinate(x float64) string {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
