package handoff

import (
	"bytes"
	"image/png"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"ocopkiosk/data"
)

// kiosk is the context of a Korean visitor at a Bát Tràng showroom.
var kiosk = Context{CentreID: "bat-trang", ItemID: "bt-vase", Lang: data.KO, AllowedHosts: DefaultAllowedHosts}

// tags is what BuildLink appends for kiosk.
const tags = "utm_source=ocop-kiosk&utm_medium=qr&utm_campaign=bat-trang&utm_content=bt-vase&lang=ko"

// vector is the VietQR test vector from the domain notes.
const vector = "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C"

func allow(hosts ...string) Context {
	c := kiosk
	c.AllowedHosts = hosts
	return c
}

// linkCases are BuildLink's table: want is the exact link, or "" when
// wantErr (a part of the error message) is set. They also seed FuzzBuildLink.
var linkCases = []struct {
	name    string
	raw     string
	c       Context
	want    string
	wantErr string
}{
	// The allow-list.
	{"listed host", "https://shopee.vn/product/1/2", kiosk, "https://shopee.vn/product/1/2?" + tags, ""},
	{"host in any case", "HTTPS://Shopee.VN/product/1/2", kiosk, "https://shopee.vn/product/1/2?" + tags, ""},
	{"entry in any case", "https://tiki.vn/p", allow("TIKI.vn"), "https://tiki.vn/p?" + tags, ""},
	{"subdomain of an exact entry", "https://mall.shopee.vn/x", kiosk, "", `host "mall.shopee.vn" is not on`},
	{"www of an exact entry", "https://www.shopee.vn/x", kiosk, "", `host "www.shopee.vn" is not on`},
	{"wildcard subdomain", "https://mall.shopee.vn/x", allow("*.shopee.vn"), "https://mall.shopee.vn/x?" + tags, ""},
	{"wildcard deeper subdomain", "https://a.b.shopee.vn/x", allow("*.shopee.vn"), "https://a.b.shopee.vn/x?" + tags, ""},
	{"wildcard is not the domain itself", "https://shopee.vn/x", allow("*.shopee.vn"), "", `host "shopee.vn" is not on`},
	{"wildcard needs a dot boundary", "https://evilshopee.vn/x", allow("*.shopee.vn"), "", `host "evilshopee.vn" is not on`},
	{"wildcard needs a label", "https://.shopee.vn/x", allow("*.shopee.vn"), "", `host ".shopee.vn" has an empty part`},
	{"look-alike suffix", "https://shopee.vn.evil.com/x", kiosk, "", `host "shopee.vn.evil.com" is not on`},
	{"look-alike suffix, wildcard", "https://shopee.vn.evil.com/x", allow("*.shopee.vn", "shopee.vn"), "", `host "shopee.vn.evil.com" is not on`},
	{"look-alike prefix", "https://myshopee.vn/x", kiosk, "", `host "myshopee.vn" is not on`},
	{"punycode host", "https://xn--shope-gsa.vn/x", kiosk, "", `host "xn--shope-gsa.vn" is not on`},
	{"non-ASCII host", "https://shopeé.vn/x", kiosk, "", "must be plain letters"},
	{"empty allow-list", "https://shopee.vn/x", allow(), "", `host "shopee.vn" is not on`},
	{"http", "http://shopee.vn/x", kiosk, "", "must start with https://"},
	{"javascript", "javascript:alert(1)", kiosk, "", "must start with https://"},
	{"user info", "https://shopee.vn@evil.example/x", kiosk, "", "must not contain a user name"},
	{"user info with password", "https://shopee.vn:pw@shopee.vn/x", kiosk, "", "must not contain a user name"},
	{"port", "https://shopee.vn:8443/x", kiosk, "", "must not name a port"},
	{"too long", "https://shopee.vn/" + strings.Repeat("a", data.MaxLinkLength), kiosk, "", "characters long"},
	{"literal space", "https://shopee.vn/search?keyword=bình gốm", kiosk, "", "encode them (%20)"},

	// Query parameters, fragment and encoding.
	{"own parameters kept in order and encoding",
		"https://shopee.vn/product/123?sp_atk=a%2Fb&z=1&a=%E1%BB%91+x", kiosk,
		"https://shopee.vn/product/123?sp_atk=a%2Fb&z=1&a=%E1%BB%91+x&" + tags, ""},
	{"tracking parameters replaced, others kept",
		"https://tiki.vn/p?utm_source=fb&b=2&utm_campaign=x&lang=vi&utm_term=keep&utm_content=&utm_medium", kiosk,
		"https://tiki.vn/p?b=2&utm_term=keep&" + tags, ""},
	{"encoded tracking key replaced", "https://tiki.vn/p?utm%5Fsource=fb&a=1", kiosk, "https://tiki.vn/p?a=1&" + tags, ""},
	{"similar key kept", "https://tiki.vn/p?language=vi&xlang=1", kiosk, "https://tiki.vn/p?language=vi&xlang=1&" + tags, ""},
	{"empty pairs dropped", "https://tiki.vn/p?&a=1&&", kiosk, "https://tiki.vn/p?a=1&" + tags, ""},
	{"fragment kept at the end", "https://zalo.me/123456#info", kiosk, "https://zalo.me/123456?" + tags + "#info", ""},
	{"fragment after a query", "https://zalo.me/1?a=1#x?b=2&c", kiosk, "https://zalo.me/1?a=1&" + tags + "#x?b=2&c", ""},
	{"empty fragment dropped", "https://zalo.me/1#", kiosk, "https://zalo.me/1?" + tags, ""},
	{"empty path", "https://tiki.vn", kiosk, "https://tiki.vn/?" + tags, ""},
	{"empty path with query", "https://tiki.vn?a=1", kiosk, "https://tiki.vn/?a=1&" + tags, ""},
	{"non-ASCII path, query and fragment",
		"https://shopee.vn/Bình-gốm?q=lụa#đỏ", kiosk,
		"https://shopee.vn/B%C3%ACnh-g%E1%BB%91m?q=l%E1%BB%A5a&" + tags + "#%C4%91%E1%BB%8F", ""},
	{"empty context values left out", "https://tiki.vn/p", Context{AllowedHosts: []string{"tiki.vn"}},
		"https://tiki.vn/p?utm_source=ocop-kiosk&utm_medium=qr", ""},
	{"context values escaped", "https://tiki.vn/p",
		Context{CentreID: "trung tâm", ItemID: "a&b=c", Lang: data.VI, AllowedHosts: []string{"tiki.vn"}},
		"https://tiki.vn/p?utm_source=ocop-kiosk&utm_medium=qr&utm_campaign=trung+t%C3%A2m&utm_content=a%26b%3Dc&lang=vi", ""},
}

func TestBuildLink(t *testing.T) {
	for _, tc := range linkCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := BuildLink(tc.raw, tc.c)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("BuildLink(%q) = %q, %v; want an error containing %q", tc.raw, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("BuildLink(%q)\n got %q, %v\nwant %q", tc.raw, got, err, tc.want)
			}
			checkLinkInvariants(t, got, tc.c)
		})
	}
}

// checkLinkInvariants checks what holds for every link BuildLink gives.
func checkLinkInvariants(t *testing.T, link string, c Context) {
	t.Helper()
	if i := strings.IndexFunc(link, func(r rune) bool { return r <= ' ' || r >= 0x7f }); i >= 0 {
		t.Fatalf("link %q has a non-ASCII, space or control byte at %d", link, i)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("link %q does not parse: %v", link, err)
	}
	if u.Scheme != "https" || u.User != nil || u.Port() != "" || !hostAllowed(u.Hostname(), c.AllowedHosts) {
		t.Fatalf("link %q: scheme %q, user %v, port %q, host %q not as checked", link, u.Scheme, u.User, u.Port(), u.Hostname())
	}
	q := u.Query()
	if got := q["utm_source"]; len(got) != 1 || got[0] != "ocop-kiosk" {
		t.Fatalf("link %q: utm_source = %q, want exactly [ocop-kiosk]", link, got)
	}
	if got := q["lang"]; c.Lang != "" && (len(got) != 1 || got[0] != string(c.Lang)) {
		t.Fatalf("link %q: lang = %q, want exactly [%s]", link, got, c.Lang)
	}
}

func FuzzBuildLink(f *testing.F) {
	for _, tc := range linkCases {
		f.Add(tc.raw)
	}
	c := allow("shopee.vn", "*.shopee.vn", "tiki.vn")
	f.Fuzz(func(t *testing.T, raw string) {
		if link, err := BuildLink(raw, c); err == nil {
			checkLinkInvariants(t, link, c)
		}
	})
}

// A Vietnamese keyword reaches the shop as typed, through an ASCII-only code.
func TestBuildLinkVietnameseKeyword(t *testing.T) {
	for _, raw := range []string{
		"https://shopee.vn/search?keyword=bình+gốm",
		"https://shopee.vn/search?keyword=bình%20gốm",
	} {
		link, err := BuildLink(raw, kiosk)
		if err != nil {
			t.Fatalf("BuildLink(%q): %v", raw, err)
		}
		checkLinkInvariants(t, link, kiosk)
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Query().Get("keyword"); got != "bình gốm" {
			t.Errorf("BuildLink(%q) = %q: keyword reads back as %q, want %q", raw, link, got, "bình gốm")
		}
	}
}

func TestItemLinks(t *testing.T) {
	other := kiosk
	other.ItemID = "stale" // the helpers tag the link with their own item
	p := data.Product{ID: "bt-vase", PurchaseURL: "https://shopee.vn/search?keyword=binh+gom"}
	tour := data.Tour{ID: "bt-workshop", SignupURL: "https://zalo.me/123456"}
	v := data.Village{ID: "bat-trang", Lat: 20.9762, Lng: 105.9137}

	check := func(name, got string, err error, want string) {
		t.Helper()
		if err != nil || got != want {
			t.Errorf("%s\n got %q, %v\nwant %q", name, got, err, want)
		}
	}
	got, err := ProductLink(p, other)
	check("ProductLink", got, err, "https://shopee.vn/search?keyword=binh+gom&"+tags)
	got, err = TourLink(tour, other)
	check("TourLink", got, err, "https://zalo.me/123456?"+strings.Replace(tags, "bt-vase", "bt-workshop", 1))
	got, err = DirectionsLink(v, other)
	check("DirectionsLink", got, err, "https://www.google.com/maps/dir/?api=1&destination=20.9762,105.9137&"+strings.Replace(tags, "bt-vase", "bat-trang", 1))

	if _, err := ProductLink(data.Product{ID: "x"}, kiosk); err == nil || !strings.Contains(err.Error(), "no purchase address") {
		t.Errorf("ProductLink without an address: %v", err)
	}
	if _, err := TourLink(data.Tour{ID: "x"}, kiosk); err == nil || !strings.Contains(err.Error(), "no sign-up address") {
		t.Errorf("TourLink without an address: %v", err)
	}
	p.PurchaseURL = "https://evil.example/x"
	if _, err := ProductLink(p, kiosk); err == nil || !strings.Contains(err.Error(), "evil.example") {
		t.Errorf("ProductLink to an unlisted host: %v", err)
	}
}

func TestDirectionsLink(t *testing.T) {
	c := Context{AllowedHosts: DefaultAllowedHosts}
	const prefix = "https://www.google.com/maps/dir/?api=1&destination="
	const suffix = "&utm_source=ocop-kiosk&utm_medium=qr&utm_content=v"
	cases := []struct {
		lat, lng float64
		want     string // the destination, or an error message part
		ok       bool
	}{
		{21.0285, 105.8542, "21.0285,105.8542", true},
		{20.97620000, 105.9, "20.9762,105.9", true},
		{21.12345678, 105.00000049, "21.123457,105", true}, // six decimals at most
		{-33.8688197, 151, "-33.86882,151", true},
		{-0.0000001, 10, "0,10", true}, // no "-0"
		{0, 105.5, "0,105.5", true},
		{0, 0, "has no location", false},
		{91, 105, "impossible location", false},
		{21, -180.5, "impossible location", false},
		{math.NaN(), 105, "impossible location", false},
	}
	for _, tc := range cases {
		got, err := DirectionsLink(data.Village{ID: "v", Lat: tc.lat, Lng: tc.lng}, c)
		if !tc.ok {
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("DirectionsLink(%v,%v) = %q, %v; want an error containing %q", tc.lat, tc.lng, got, err, tc.want)
			}
			continue
		}
		if want := prefix + tc.want + suffix; err != nil || got != want {
			t.Errorf("DirectionsLink(%v,%v)\n got %q, %v\nwant %q", tc.lat, tc.lng, got, err, want)
		}
	}
	if _, err := DirectionsLink(data.Village{ID: "v", Lat: 21, Lng: 105}, allow("shopee.vn")); err == nil {
		t.Error("DirectionsLink works without www.google.com on the allow-list")
	}
}

// parseTLV reads EMVCo tag-length-value fields into a map.
func parseTLV(t *testing.T, s string) map[string]string {
	t.Helper()
	fields := map[string]string{}
	for s != "" {
		if len(s) < 4 {
			t.Fatalf("truncated field %q", s)
		}
		tag, n := s[:2], 0
		for _, d := range s[2:4] {
			n = n*10 + int(d-'0')
		}
		if len(s) < 4+n {
			t.Fatalf("field %s wants %d characters, has %d", tag, n, len(s)-4)
		}
		fields[tag] = s[4 : 4+n]
		s = s[4+n:]
	}
	return fields
}

func TestVietQRVector(t *testing.T) {
	// The account number is inside the vector: 38 → 01 → 01.
	account := parseTLV(t, parseTLV(t, parseTLV(t, vector)["38"])["01"])["01"]
	if account != "0011001932418" {
		t.Fatalf("account decoded from the vector = %q", account)
	}
	acc := data.BankAccount{BIN: "970415", Number: account, Name: "NGUYEN VAN AN"}
	for _, note := range []string{"ung ho lu lut", "Ủng hộ  lũ lụt\n"} {
		got, err := VietQR(acc, 120000, note)
		if err != nil || got != vector {
			t.Errorf("VietQR(note %q)\n got %q, %v\nwant %q", note, got, err, vector)
		}
	}
}

func TestVietQRStatic(t *testing.T) {
	acc := data.BankAccount{BIN: "970436", Number: "0123456789"}
	got, err := VietQR(acc, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	want := "000201010211" + "3854" + "0010A000000727" + "0124" + "0006970436" + "01100123456789" + "0208QRIBFTTA" +
		"5303704" + "5802VN" + "6304"
	if !strings.HasPrefix(got, want) || len(got) != len(want)+4 {
		t.Fatalf("VietQR static\n got %q\nwant %q + CRC", got, want)
	}
	checkCRC(t, got)
}

// checkCRC checks the checksum at the end of a VietQR payload.
func checkCRC(t *testing.T, payload string) {
	t.Helper()
	body, sum := payload[:len(payload)-4], payload[len(payload)-4:]
	var want [4]byte
	const hex = "0123456789ABCDEF"
	for i, c := 0, crc16(body); i < 4; i++ {
		want[3-i] = hex[c>>(4*i)&0xF]
	}
	if !strings.HasSuffix(body, "6304") || sum != string(want[:]) {
		t.Fatalf("payload %q: CRC %q, want %q after 6304", payload, sum, want)
	}
}

func TestVietQRRefuses(t *testing.T) {
	good := data.BankAccount{BIN: "970415", Number: "0011001932418"}
	with := func(bin, number string) data.BankAccount { return data.BankAccount{BIN: bin, Number: number} }
	cases := []struct {
		name    string
		acc     data.BankAccount
		amount  int64
		wantErr string
	}{
		{"short BIN", with("97041", "1"), 0, "six digits"},
		{"long BIN", with("9704150", "1"), 0, "six digits"},
		{"letter in BIN", with("97041a", "1"), 0, "six digits"},
		{"no account", with("970415", ""), 0, "1 to 19"},
		{"long account", with("970415", strings.Repeat("1", 20)), 0, "1 to 19"},
		{"hyphen in account", with("970415", "0011-0019"), 0, "1 to 19"},
		{"non-ASCII account", with("970415", "００１"), 0, "1 to 19"},
		{"negative amount", good, -1, "negative"},
		{"amount too long", good, 10_000_000_000_000, "more than 13 digits"},
	}
	for _, tc := range cases {
		if got, err := VietQR(tc.acc, tc.amount, "x"); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: VietQR = %q, %v; want an error containing %q", tc.name, got, err, tc.wantErr)
		}
	}
	got, err := VietQR(with("970415", strings.Repeat("A", 19)), 9_999_999_999_999, strings.Repeat("x", 80))
	if err != nil {
		t.Fatalf("VietQR at every limit: %v", err)
	}
	checkCRC(t, got)
}

func TestTransferNote(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ung ho lu lut", "ung ho lu lut"},
		{"Ủng hộ lũ lụt", "ung ho lu lut"},
		{"Đồ gỗ Đồng Kỵ", "do go dong ky"},
		{"  OCOP\tbt-vase\n", "ocop bt-vase"},
		{"OCOP 도자기 bt", "ocop bt"}, // what cannot be folded to ASCII goes
		{"도자기", ""},
		{strings.Repeat("ab ", 30), strings.TrimSpace(strings.Repeat("ab ", 17))}, // cut to 50, no trailing space
	}
	for _, tc := range cases {
		if got := transferNote(tc.in); got != tc.want {
			t.Errorf("transferNote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestProductPayment(t *testing.T) {
	if _, err := ProductPayment(data.Product{ID: "bt-vase"}); err == nil || !strings.Contains(err.Error(), "no bank transfer") {
		t.Errorf("ProductPayment without an account: %v", err)
	}
	p := data.Product{ID: "bt-vase", Bank: &data.BankAccount{BIN: "970415", Number: "0123456789", Name: "NGUYEN VAN AN"}}
	got, err := ProductPayment(p)
	if err != nil {
		t.Fatal(err)
	}
	fields := parseTLV(t, got)
	if fields["01"] != "11" || fields["54"] != "" || fields["62"] != "0812ocop bt-vase" {
		t.Errorf("ProductPayment = %q: want static, no amount, note \"ocop bt-vase\"", got)
	}
	checkCRC(t, got)
}

func TestCRC16(t *testing.T) {
	if got := crc16("123456789"); got != 0x29B1 {
		t.Errorf("crc16(123456789) = %#04x, want 0x29b1", got)
	}
}

func TestCodeRefuses(t *testing.T) {
	cases := []struct{ name, text, wantErr string }{
		{"empty", "", "no text"},
		{"non-ASCII", "https://shopee.vn/bình", "non-ASCII character at byte 19"},
		{"over the QR limit", strings.Repeat("a", MaxQRText+1), "at most 2953"},
		{"over level M", strings.Repeat("a", 2400), "recovery level M"},
	}
	for _, tc := range cases {
		if _, err := Code(tc.text); err == nil || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s: Code: %v; want an error containing %q", tc.name, err, tc.wantErr)
		}
	}
	for _, px := range []int{0, -1, MaxPxPerModule + 1} {
		if _, err := PNG("x", px); err == nil {
			t.Errorf("PNG at %d px per module: no error", px)
		}
	}
}

func TestImageGeometry(t *testing.T) {
	const px = 3 // not a power of two, where rounding would show
	q, err := Code(vector)
	if err != nil {
		t.Fatal(err)
	}
	img, err := Image(vector, px)
	if err != nil {
		t.Fatal(err)
	}
	modules := 17 + 4*q.VersionNumber + 2*4 // the symbol and a 4-module quiet zone each side
	if b := img.Bounds(); b.Dx() != modules*px || b.Dy() != modules*px {
		t.Fatalf("image is %v, want %d×%d px", b, modules*px, modules*px)
	}
	dark := func(x, y int) bool { r, _, _, _ := img.At(x, y).RGBA(); return r == 0 }
	bitmap := q.Bitmap()
	for y := range modules * px {
		for x := range modules * px {
			if dark(x, y) != bitmap[y/px][x/px] {
				t.Fatalf("pixel %d,%d does not match module %d,%d", x, y, x/px, y/px)
			}
		}
	}
	if dark(4*px-1, 4*px-1) || !dark(4*px, 4*px) {
		t.Error("the quiet zone is not 4 modules wide")
	}
}

// TestPNGScans decodes the codes with a real reader: what a phone reads must
// be exactly the text printed beside the code.
func TestPNGScans(t *testing.T) {
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg (Debian zbar-tools) is not installed")
	}
	link, err := BuildLink("https://shopee.vn/search?keyword=bình+gốm#top", kiosk)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"link": link, "vietqr": vector} {
		file := filepath.Join(t.TempDir(), name+".png")
		img, err := PNG(text, 4)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := png.DecodeConfig(bytes.NewReader(img)); err != nil {
			t.Fatalf("%s: not a PNG: %v", name, err)
		}
		if err := os.WriteFile(file, img, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(zbarimg, "--raw", "-q", file).Output()
		if err != nil {
			t.Fatalf("%s: zbarimg: %v", name, err)
		}
		if got := strings.TrimSuffix(string(out), "\n"); got != text {
			t.Errorf("%s: scanned\n %q\nwant %q", name, got, text)
		}
	}
}

// BenchmarkPNG draws a typical product link (about 150 characters) at the
// scale a kiosk screen shows it.
func BenchmarkPNG(b *testing.B) {
	link, err := BuildLink("https://shopee.vn/Binh-gom-men-lam-ve-tay-i.123456789.987654321?sp_atk=abc", kiosk)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := PNG(link, 8); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(link)), "chars") // after the loop, which clears reported metrics
}

// qrLink187 is a product link as long as the longest the kiosk shows (187
// characters), for the QR benchmarks.
var qrLink187 = "https://shopee.vn/Binh-gom-men-lam-ve-tay-i.123456789.987654321?utm_source=ocop-kiosk&utm_medium=qr&utm_campaign=hanoi-ocop-centre&utm_content=bt-lotus-tea-set&lang=ko&x=abcdefghijklmnopq"

// BenchmarkQRImageFirst encodes and draws a code never shown before.
func BenchmarkQRImageFirst(b *testing.B) {
	for b.Loop() {
		q, err := Code(qrLink187)
		if err != nil {
			b.Fatal(err)
		}
		draw(q.Bitmap(), 7)
	}
	b.ReportMetric(float64(len(qrLink187)), "chars")
}

// BenchmarkQRImage is a code as the kiosk draws it again: encoded once
// (Modules), drawn at the panel's size. Target: ≤ 1 ms (BENCHMARKS.md).
func BenchmarkQRImage(b *testing.B) {
	for b.Loop() {
		if _, _, err := ImageToFit(qrLink187, 460, 6); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qrLink187)), "chars")
}

func TestModulesAreEncodedOnceAndStayCorrect(t *testing.T) {
	q, err := Code(qrLink187)
	if err != nil {
		t.Fatal(err)
	}
	want := q.Bitmap()
	for range 2 {
		got, err := Modules(qrLink187)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatal("Modules differs from the encoder's bitmap")
		}
	}
	if _, err := Modules(""); err == nil {
		t.Error("an empty text was encoded")
	}
}
