package data_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"ocopkiosk/data"
)

// linkCases are CheckLink's table; want is a part of the error, "" when the
// link is fine. They also seed FuzzCheckLink.
var linkCases = []struct {
	name, raw, want string
}{
	{"plain", "https://shopee.vn/product/1/2?q=b%C3%ACnh#top", ""},
	{"Vietnamese in the path", "https://shopee.vn/search?keyword=bình+gốm", ""},
	{"scheme in capitals", "HTTPS://Shopee.VN/x", ""},
	{"subdomain", "https://mall.shopee.vn/x", ""},
	{"punycode, Latin with marks", "https://xn--hni-9ka0849a.vn/", ""}, // hànội.vn
	{"punycode in capitals", "https://XN--hni-9ka0849a.vn/", ""},
	{"punycode, Japanese", "https://xn--eckwd4c7c.xn--zckzah/", ""}, // ドメイン.テスト

	{"javascript", "javascript:alert(1)", "must start with https://"},
	{"javascript in capitals", "JavaScript:alert(1)", "must start with https://"},
	{"data", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "must start with https://"},
	{"http", "http://shopee.vn/x", "must start with https://"},
	{"no scheme", "shopee.vn/x", "must start with https://"},
	{"scheme-relative", "//shopee.vn/x", "must start with https://"},
	{"opaque", "https:shopee.vn", "has no host name"},
	{"no host", "https:///x", "has no host name"},
	{"user info", "https://shop@evil.example/x", "must not contain a user name"},
	{"empty user info", "https://@evil.example/x", "must not contain a user name"},
	{"user and password", "https://shopee.vn:pw@evil.example/", "must not contain a user name"},
	{"port", "https://shopee.vn:8443/x", "must not name a port"},
	{"empty port", "https://shopee.vn:/x", "must not name a port"},
	{"IPv4", "https://203.0.113.7/x", "numeric address"},
	{"IPv6", "https://[::1]/x", "numeric address"},
	{"encoded host", "https://shop%65e.vn/x", "not a web address"},
	{"encoded non-ASCII host", "https://h%C3%A0n%E1%BB%99i.vn/", "without %-codes"},
	{"Cyrillic е", "https://shopеe.vn/x", "must be plain letters"},
	{"full-width letters", "https://ｓhopee.vn/x", "must be plain letters"},
	{"Cyrillic е as punycode", "https://xn--shope-2we.vn/x", `"shopеe" in disguise`},
	{"whole-Cyrillic punycode", "https://xn--80ak6aa92e.com/", "in disguise"}, // аррӏе
	{"Greek punycode", "https://xn--mxa.vn/", "in disguise"},
	{"punycode mixing Latin and Han", "https://xn--shop-3f5f.vn/", "mixes alphabets"},
	{"broken punycode", "https://xn--99999999999.vn/", "not a correctly encoded"},
	{"punycode of plain letters", "https://xn--shopee-.vn/", "starts or ends with a hyphen"},
	{"empty punycode", "https://xn--.vn/", "starts or ends with a hyphen"},
	{"punycode with a bad digit", "https://xn--a_b.vn/", "must be plain letters"},
	{"punycode that overflows", "https://xn--zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.vn/", "not a correctly encoded"},
	{"hyphen at the start", "https://-shopee.vn/", "starts or ends with a hyphen"},
	{"label too long", "https://" + strings.Repeat("a", 64) + ".vn/", "longer than 63"},
	{"no dot", "https://localhost/x", "not a public domain name"},
	{"backslash trick", `https://shopee.vn\@evil.example/`, "back-slash"},
	{"space", "https://shopee.vn/a b", "spaces or control characters"},
	{"tab", "https://shopee.vn/a\tb", "spaces or control characters"},
	{"no-break space", "https://shopee.vn/a\u00a0b", "spaces or control characters"},
	{"right-to-left override", "https://shopee.vn/\u202egpj.exe", "spaces or control characters"},
	{"zero-width space", "https://shop\u200bee.vn/", "spaces or control characters"},
	{"not UTF-8", "https://shopee.vn/\xff", "not UTF-8"},
	{"too long", "https://shopee.vn/" + strings.Repeat("a", data.MaxLinkLength), "characters long"},

	// What the adversarial review found: forms a browser reads as an IPv4
	// address, names with empty parts, and Latin look-alikes.
	{"hex IPv4", "https://0x7f.0x0.0x0.0x1/x", "numeric address"},
	{"hex last part", "https://10.0.0.0x1/x", "numeric address"},
	{"IPv4 with a trailing dot", "https://127.0.0.1./x", "numeric address"},
	{"octal IPv4", "https://0177.0.0.1/x", "numeric address"},
	{"IPv4 as one number", "https://2130706433/x", "numeric address"},
	{"bare 0x", "https://shopee.0x/x", "numeric address"},
	{"trailing dot", "https://shopee.vn./x", "ends with a dot"},
	{"empty part", "https://a..shopee.vn/x", "empty part"},
	{"two leading dots", "https://..shopee.vn/x", "empty part"},
	{"hyphens in places 3 and 4", "https://ab--cd.vn/x", "not a name a registry would accept"},
	{"dotless ı", "https://" + puny("tıkı.vn") + "/x", `looks like tiki.vn`},
	{"click sign for l", "https://" + puny("www.ǀazada.vn") + "/x", `looks like www.lazada.vn`},
	{"z with a stroke", "https://" + puny("ƶalo.me") + "/x", `looks like zalo.me`},
	{"digit for a letter", "https://www.goog1e.com/maps/x", `looks like www.google.com`},
	{"look-alike domain under another name", "https://shop." + puny("ǀazada.vn") + "/x", `looks like www.lazada.vn`},
	{"dot-dot in the path", "https://www.google.com/maps/../url?q=x", ". or .."},
	{"encoded dot-dot in the path", "https://www.google.com/maps/%2E%2e/url?q=x", ". or .."},
	{"back-slash in the path", `https://www.google.com/maps\..\url`, "back-slash"},
	{"Vietnamese name that copies no allowed one", "https://" + puny("đồgốm.vn") + "/x", ""},
}

// puny is host in its xn-- form.
func puny(host string) string {
	s, err := idna.Punycode.ToASCII(host)
	if err != nil {
		panic(err)
	}
	return s
}

// LinkAllowed with the default list: Google only for Maps, no redirector
// anywhere, and wildcards that stop at a domain one company owns.
func TestLinkAllowed(t *testing.T) {
	def := data.DefaultAllowedHosts
	cases := []struct {
		name, raw string
		list      []string
		want      string
	}{
		{"Maps directions", "https://www.google.com/maps/dir/?api=1&destination=21.0285,105.8542", def, ""},
		{"a shop page", "https://shopee.vn/search?keyword=binh+gom", def, ""},
		{"Google's redirector", "https://www.google.com/url?q=https://evil.example/", def, "sends visitors on"},
		{"Google AMP", "https://www.google.com/amp/s/evil.example/page", def, "sends visitors on"},
		{"Google search", "https://www.google.com/search?q=gom", def, "only some pages of www.google.com"},
		{"Maps without its slash", "https://www.google.com/maps", def, "only some pages"},
		{"redirect in a query value", "https://shopee.vn/x?next=https%3A%2F%2Fevil.example%2F", def, "another web address"},
		{"doubly encoded", "https://shopee.vn/x?u=https%253A%252F%252Fevil.example", def, "another web address"},
		{"scheme-relative in a value", "https://shopee.vn/x?u=%2F%2Fevil.example", def, "another web address"},
		{"address in the path", "https://tiki.vn/go/https://evil.example/", def, "path holds another web address"},
		{"shop's universal link", "https://shopee.vn/universal-link?redir=x", def, "sends visitors on"},
		{"other host", "https://evil.example/", def, `"evil.example" is not on`},
		{"look-alike of a listed host", "https://www.goog1e.com/maps/", def, "looks like www.google.com"},
		{"wildcard over com.vn", "https://evil.com.vn/", []string{"*.com.vn"}, "is not on"},
		{"wildcard over a domain", "https://mall.shopee.vn/x", []string{"*.shopee.vn"}, ""},
		{"wildcard with a path", "https://mall.shopee.vn/shop/x", []string{"*.shopee.vn/shop/"}, ""},
		{"wildcard with a path, other page", "https://mall.shopee.vn/cart", []string{"*.shopee.vn/shop/"}, "only some pages"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := data.CheckLink(tc.raw)
			if err == nil {
				err = data.LinkAllowed(tc.raw, tc.list)
			}
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("%q refused: %v", tc.raw, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("%q: %v; want an error containing %q", tc.raw, err, tc.want)
			}
		})
	}
	for _, h := range []string{"a..shopee.vn", ".shopee.vn", "shopee.vn"} {
		if data.HostAllowed(h, []string{"*.shopee.vn"}) {
			t.Errorf("*.shopee.vn allows %q", h)
		}
	}
	if data.HostAllowed("evil.com.vn", []string{"*.com.vn"}) {
		t.Error("a wildcard over com.vn allows a host")
	}
}

func TestCheckLink(t *testing.T) {
	for _, tc := range linkCases {
		t.Run(tc.name, func(t *testing.T) {
			err := data.CheckLink(tc.raw)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("CheckLink(%q) = %v; want it accepted", tc.raw, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("CheckLink(%q) = %v; want an error containing %q", tc.raw, err, tc.want)
			case err == nil:
				checkAccepted(t, tc.raw)
			}
		})
	}
}

// The longest link allowed is allowed; one more character is not.
func TestCheckLinkLengthLimit(t *testing.T) {
	base := "https://shopee.vn/"
	if err := data.CheckLink(base + strings.Repeat("a", data.MaxLinkLength-len(base))); err != nil {
		t.Errorf("a link of exactly %d characters: %v", data.MaxLinkLength, err)
	}
	if err := data.CheckLink(base + strings.Repeat("a", data.MaxLinkLength-len(base)+1)); err == nil {
		t.Errorf("a link of %d characters was accepted", data.MaxLinkLength+1)
	}
}

// checkAccepted checks what holds for every link CheckLink accepts.
func checkAccepted(t *testing.T, raw string) {
	t.Helper()
	if len(raw) > data.MaxLinkLength || !utf8.ValidString(raw) {
		t.Fatalf("accepted %q: too long or not UTF-8", raw)
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("accepted %q, which does not parse: %v", raw, err)
	}
	host := u.Hostname()
	if !strings.EqualFold(u.Scheme, "https") || u.User != nil || u.Port() != "" || host == "" ||
		strings.ContainsAny(u.Host, ":@%") {
		t.Fatalf("accepted %q: scheme %q, user %v, port %q, host %q", raw, u.Scheme, u.User, u.Port(), u.Host)
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			t.Fatalf("accepted %q: host %q is not plain ASCII", raw, host)
		}
	}
	for _, r := range raw {
		if r <= ' ' || r == 0x7f {
			t.Fatalf("accepted %q with a space or control character", raw)
		}
	}
}

func FuzzCheckLink(f *testing.F) {
	for _, tc := range linkCases {
		f.Add(tc.raw)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if data.CheckLink(raw) == nil {
			checkAccepted(t, raw)
		}
	})
}

func TestLinkHostAllowed(t *testing.T) {
	list := []string{"shopee.vn", "*.lazada.vn", "Tiki.VN", "xn--hni-9ka0849a.vn"}
	cases := []struct {
		host string
		want bool
	}{
		{"shopee.vn", true},
		{"SHOPEE.VN", true},
		{"tiki.vn", true},
		{"xn--hni-9ka0849a.vn", true},
		{"www.shopee.vn", false},      // an exact entry has no subdomains
		{"mall.lazada.vn", true},      // a wildcard matches subdomains
		{"a.b.lazada.vn", true},       // at any depth
		{"lazada.vn", false},          // but not the domain itself
		{".lazada.vn", false},         // it needs a label
		{"evillazada.vn", false},      // and a dot boundary
		{"shopee.vn.evil.com", false}, // a suffix match, never a prefix
		{"myshopee.vn", false},
		{"shopee.vn.", false},
		{"xn--shope-2we.vn", false}, // shopеe.vn with a Cyrillic е
		{"", false},
	}
	for _, tc := range cases {
		if got := data.HostAllowed(tc.host, list); got != tc.want {
			t.Errorf("HostAllowed(%q) = %v, want %v", tc.host, got, tc.want)
		}
	}
	if data.HostAllowed("shopee.vn", nil) || data.HostAllowed("shopee.vn", []string{}) {
		t.Error("an empty list allowed a host")
	}
	for _, entry := range data.DefaultAllowedHosts {
		h, _, _ := strings.Cut(entry, "/")
		if !data.HostAllowed(h, data.DefaultAllowedHosts) {
			t.Errorf("default host %q is not allowed by the default list", h)
		}
	}
}
