package data

import (
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"ocopkiosk/lang"
)

// The kiosk's allow-list (Settings.AllowedHosts) says which sites its QR
// codes may lead to. An entry is
//
//   - a host name, matched exactly: "shopee.vn";
//   - "*." and a domain, matching every name below it at any depth but not
//     the domain itself: "*.shopee.vn" matches "mall.shopee.vn". The domain
//     must be one a company can register ("shopee.vn"), never a suffix
//     shared by everyone ("*.com.vn" would allow every shop in Vietnam);
//   - either of those followed by a path prefix that ends in "/":
//     "www.google.com/maps/" allows Google Maps and nothing else on
//     www.google.com, whose /url and /amp pages send a visitor anywhere.
//
// Whatever the list says, a link whose path or query hands on to another
// address (a redirector) is refused: see redirectProblem.

// allowEntry is one parsed entry of the allow-list.
type allowEntry struct {
	host     string // lower case, without "*."
	wildcard bool
	path     string // "" or a prefix starting and ending with "/"
}

// parseAllowEntry splits an entry into host and path, without checking it.
func parseAllowEntry(entry string) allowEntry {
	entry = strings.ToLower(entry)
	host, path := entry, ""
	if i := strings.IndexByte(entry, '/'); i >= 0 {
		host, path = entry[:i], entry[i:]
	}
	name, wildcard := strings.CutPrefix(host, "*.")
	return allowEntry{host: name, wildcard: wildcard, path: path}
}

// CheckAllowedEntry says what is wrong with one allow-list entry, or "".
func CheckAllowedEntry(h string) error {
	switch {
	case h == "":
		return lang.Phrasef("is empty; write a host name such as shopee.vn")
	case strings.Contains(h, "://"):
		return lang.Phrasef("must be a host name only, without https://")
	case strings.ContainsAny(h, "?#"):
		return lang.Phrasef("must be a host name (and a path ending in /), without ? or #")
	case strings.Contains(h, "@"):
		return lang.Phrasef("must be a host name only, without a user name")
	case strings.Contains(h, ":"):
		return lang.Phrasef("must be a host name only, without a port")
	case strings.ToLower(h) != h:
		return lang.Phrasef("must be written in lower case")
	case len(h) > 253:
		return lang.Phrasef("is too long for a host name")
	}
	e := parseAllowEntry(h)
	if e.path != "" {
		if msg := checkPathPrefix(e.path); msg != nil {
			return msg
		}
	}
	for _, r := range e.host {
		if r == '*' {
			return lang.Phrasef(`may have a wildcard only as a leading "*."`)
		}
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return lang.Phrasef("may contain only the letters a to z, digits, dots and hyphens (write an international name in its xn-- form)")
		}
	}
	if !strings.Contains(e.host, ".") {
		if e.wildcard {
			return lang.Phrasef(`is too wide: after "*." there must be a domain with a dot, such as *.example.com`)
		}
		return lang.Phrasef("is not a public domain name: it has no dot")
	}
	for _, label := range strings.Split(e.host, ".") {
		switch {
		case label == "":
			return lang.Phrasef("has an empty part between dots")
		case strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-"):
			return lang.Phrasef("has a part that starts or ends with a hyphen")
		}
	}
	if endsInNumber(e.host) {
		return lang.Phrasef("is a numeric address; write a domain name")
	}
	if e.wildcard && !registrable(e.host) {
		return lang.Phrasef(`is too wide: %s is shared by many unrelated sites; after "*." write a domain one company owns, such as *.shopee.vn`, e.host)
	}
	return nil
}

// registrable reports whether domain is a registrable domain or a name
// below one: not a public suffix such as com.vn or github.io.
func registrable(domain string) bool {
	_, err := publicsuffix.EffectiveTLDPlusOne(domain)
	return err == nil
}

// checkPathPrefix checks the path part of an entry.
func checkPathPrefix(p string) error {
	switch {
	case !strings.HasSuffix(p, "/"):
		return lang.Phrasef("has a path that does not end with /; write a path prefix such as www.google.com/maps/")
	case strings.Contains(p, "%") || strings.Contains(p, "\\") || strings.Contains(p, "//"):
		return lang.Phrasef("has a path with %%-codes, back-slashes or an empty part")
	case hasDotSegment(p):
		return lang.Phrasef("has a path with . or .. in it")
	}
	return nil
}

// hostMatches reports whether host (lower case) is allowed by entry e.
func (e allowEntry) hostMatches(host string) bool {
	if e.wildcard {
		return len(host) > len(e.host)+1 && strings.HasSuffix(host, "."+e.host) &&
			!strings.Contains(host, "..") && !strings.HasPrefix(host, ".") && registrable(e.host)
	}
	return host == e.host
}

// HostAllowed reports whether host matches the host part of an entry of
// allowed (see the rules above), whatever the entry's path. Both are
// compared in lower case. The wildcard needs at least one whole label
// before the suffix, so "*.shopee.vn" matches "mall.shopee.vn" but neither
// "shopee.vn", ".shopee.vn", "a..shopee.vn" nor "evilshopee.vn"; the match
// is on the suffix, never a prefix, so "shopee.vn.evil.com" matches
// nothing. A wildcard over a public suffix matches nothing. An empty list
// allows nothing. LinkAllowed checks a whole link.
func HostAllowed(host string, allowed []string) bool {
	host = strings.ToLower(host)
	for _, entry := range allowed {
		if parseAllowEntry(entry).hostMatches(host) {
			return true
		}
	}
	return false
}

// LinkAllowed says why the kiosk may not show a link that passed CheckLink
// as a QR code, or nil: its host and path must match an entry of allowed,
// its host must not pass for an allowed one, and it must not be a
// redirector.
func LinkAllowed(raw string, allowed []string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return lang.Phrasef("not a web address (%v)", err)
	}
	host := strings.ToLower(u.Hostname())
	if msg := redirectProblem(u); msg != nil {
		return msg
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	hostListed := false
	for _, entry := range allowed {
		e := parseAllowEntry(entry)
		if !e.hostMatches(host) {
			continue
		}
		hostListed = true
		if e.path == "" || strings.HasPrefix(path, e.path) {
			return nil
		}
	}
	if hostListed {
		return lang.Phrasef("only some pages of %s are on the kiosk's list of allowed sites, and %s is not one of them", host, path)
	}
	if like := lookAlike(host, entryHosts(allowed)); like != "" {
		return lang.Phrasef("host %q looks like %s but is another site", host, like)
	}
	return lang.Phrasef("host %q is not on the kiosk's list of allowed sites", host)
}

// redirectorPaths are the first parts of paths that hand a visitor on to
// an address of the link's choosing on the big sites: Google's /url?q=,
// /amp/s/…, ad clicks and image results, and the usual names elsewhere.
var redirectorPaths = []string{"url", "amp", "aclk", "imgres", "interstitial", "redirect", "redir",
	"away", "linkout", "outgoing", "universal-link", "exit", "leave"}

// redirectProblem says why a link is a redirector, or "": its path starts
// with a known redirector, or its path or a query value holds another
// address (https://…, //…, www.…, also %-encoded).
func redirectProblem(u *url.URL) error {
	path := u.EscapedPath()
	first := strings.ToLower(strings.SplitN(strings.TrimPrefix(path, "/"), "/", 2)[0])
	for _, r := range redirectorPaths {
		if first == r || strings.HasPrefix(first, r+".") {
			return lang.Phrasef("the page /%s sends visitors on to other sites; link to the page itself", first)
		}
	}
	if holdsAddress(path) {
		return lang.Phrasef("the path holds another web address; link to the page itself")
	}
	for _, pair := range strings.Split(u.RawQuery, "&") {
		_, value, _ := strings.Cut(pair, "=")
		if holdsAddress(value) {
			return lang.Phrasef("a value in the address (after ?) is another web address, which a site may send the visitor on to; link to the page itself")
		}
	}
	return nil
}

// holdsAddress reports whether s, decoded up to three times, holds a web
// address: a scheme such as https: or a // authority.
func holdsAddress(s string) bool {
	for range 3 {
		l := strings.ToLower(s)
		if strings.Contains(l, "http:") || strings.Contains(l, "https:") || strings.HasPrefix(l, "//") || strings.HasPrefix(l, "www.") {
			return true
		}
		d, err := url.QueryUnescape(s)
		if err != nil || d == s {
			return false
		}
		s = d
	}
	return false
}

// hasDotSegment reports whether a path has a "." or ".." part, as written
// or %-encoded: a browser resolves them, so "/maps/../url" is "/url".
func hasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		seg = strings.ToLower(strings.ReplaceAll(strings.ToLower(seg), "%2e", "."))
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// entryHosts are the host names of allow-list entries, without "*." or path.
func entryHosts(entries []string) []string {
	hosts := make([]string, len(entries))
	for i, e := range entries {
		hosts[i] = parseAllowEntry(e).host
	}
	return hosts
}
