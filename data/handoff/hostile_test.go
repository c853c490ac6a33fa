package handoff

import (
	"strings"
	"testing"

	"ocopkiosk/data"
)

// A hostile address never becomes a QR code, even when the kiosk's
// allow-list names its host: BuildLink (and so ProductLink and TourLink)
// runs data.CheckLink before the allow-list.
func TestHostileLinksMakeNoCode(t *testing.T) {
	c := allow("shopee.vn", "evil.example", "*.evil.example", "xn--shope-2we.vn", "shopеe.vn", "203.0.113.7", "localhost")
	cases := []struct{ name, raw, wantErr string }{
		{"javascript", "javascript:alert(document.cookie)", "must start with https://"},
		{"data", "data:text/html,<script>alert(1)</script>", "must start with https://"},
		{"http", "http://shopee.vn/x", "must start with https://"},
		{"user info", "https://shop@evil.example/x", "must not contain a user name"},
		{"port", "https://evil.example:8443/x", "must not name a port"},
		{"empty port", "https://evil.example:/x", "must not name a port"},
		{"Cyrillic look-alike", "https://shopеe.vn/x", "must be plain letters"},
		{"Cyrillic look-alike as punycode", "https://xn--shope-2we.vn/x", "in disguise"},
		{"numeric host", "https://203.0.113.7/x", "numeric address"},
		{"no domain", "https://localhost/x", "not a public domain name"},
		{"too long", "https://shopee.vn/" + strings.Repeat("a", data.MaxLinkLength), "characters long"},
		{"control character", "https://shopee.vn/\u202egpj.exe", "control characters"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if link, err := BuildLink(tc.raw, c); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("BuildLink(%q) = %q, %v; want an error containing %q", tc.raw, link, err, tc.wantErr)
			}
			p := data.Product{ID: "p", PurchaseURL: tc.raw}
			if link, err := ProductLink(p, c); err == nil {
				t.Errorf("ProductLink made %q", link)
			}
			tour := data.Tour{ID: "t", SignupURL: tc.raw}
			if link, err := TourLink(tour, c); err == nil {
				t.Errorf("TourLink made %q", link)
			}
		})
	}
}

// The host rule data.HostAllowed gives the pack reader is the one BuildLink
// uses, so that a pack checked against the kiosk's list holds no link the
// kiosk would refuse to show.
func TestLinkHostAllowedMatchesHandoff(t *testing.T) {
	lists := [][]string{DefaultAllowedHosts, {"*.shopee.vn"}, {"*.shopee.vn", "shopee.vn"}, {"TIKI.vn"}, {}}
	hosts := []string{"shopee.vn", "mall.shopee.vn", "a.b.shopee.vn", ".shopee.vn", "evilshopee.vn",
		"shopee.vn.evil.com", "tiki.vn", "www.google.com", "google.com", "zalo.me", ""}
	for _, list := range lists {
		for _, h := range hosts {
			if got, want := data.HostAllowed(h, list), hostAllowed(h, list); got != want {
				t.Errorf("host %q, list %q: data.HostAllowed = %v, handoff = %v", h, list, got, want)
			}
		}
	}
}

// With the default list, Google is allowed for Maps only: its redirectors
// never become a code, nor do hosts with empty parts or numeric forms.
func TestDefaultListMakesNoRedirectorCode(t *testing.T) {
	c := Context{AllowedHosts: DefaultAllowedHosts}
	for raw, want := range map[string]string{
		"https://www.google.com/url?q=https://evil.example/":  "sends visitors on",
		"https://www.google.com/amp/s/evil.example/x":         "sends visitors on",
		"https://www.google.com/search?q=x":                   "only some pages",
		"https://a..shopee.vn/x":                              "empty part",
		"https://0x7f.0x0.0x0.0x1/x":                          "numeric address",
		"https://shopee.vn/x?next=https%3A%2F%2Fevil.example": "another web address",
	} {
		if link, err := BuildLink(raw, c); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("BuildLink(%q) = %q, %v; want an error containing %q", raw, link, err, want)
		}
	}
	v := data.Village{ID: "bat-trang", Lat: 20.976, Lng: 105.913}
	if _, err := DirectionsLink(v, c); err != nil {
		t.Errorf("directions with the default list: %v", err)
	}
}
