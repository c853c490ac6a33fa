package handoff

import (
	"strconv"
	"strings"
	"testing"

	"ocopkiosk/data"
)

// FuzzVietQR checks that whatever account, amount and note a pack or a
// screen passes, VietQR either refuses them or gives a payload every banking
// app can read: plain printable ASCII, well-formed tag-length-value fields
// with the account inside, and a valid CRC at the end.
func FuzzVietQR(f *testing.F) {
	f.Add("970415", "0011001932418", int64(120000), "Ủng hộ  lũ lụt\n")
	f.Add("970436", "0123456789", int64(0), "")
	f.Add("970415", strings.Repeat("A", 19), int64(9_999_999_999_999), strings.Repeat("x", 80))
	f.Add("97041a", "1", int64(1), "x")
	f.Add("970415", "００１", int64(5), "đ")
	f.Add("970415", "1", int64(-1), "x")
	f.Add("970415", "1", int64(10_000_000_000_000), "x")
	f.Add("970415", "1", int64(1), "6304ABCD")
	f.Add("970415", "1", int64(1), "\x00\xff\u202e<script>")
	f.Add("970415", "1", int64(1), "ĐỒNG ý 100%")
	f.Fuzz(func(t *testing.T, bin, number string, amount int64, note string) {
		payload, err := VietQR(data.BankAccount{BIN: bin, Number: number}, amount, note)
		if err != nil {
			if payload != "" {
				t.Fatalf("VietQR refused (%v) but gave %q", err, payload)
			}
			return
		}
		for i := 0; i < len(payload); i++ {
			if c := payload[i]; c < ' ' || c > '~' {
				t.Fatalf("payload %q has a byte %#x that is not printable ASCII", payload, c)
			}
		}
		checkCRC(t, payload)
		fields := parseTLV(t, payload[:len(payload)-len("6304XXXX")])
		if fields["00"] != "01" || fields["53"] != "704" || fields["58"] != "VN" {
			t.Fatalf("payload %q: fields %v", payload, fields)
		}
		merchant := parseTLV(t, fields["38"])
		account := parseTLV(t, merchant["01"])
		if merchant["00"] != "A000000727" || account["00"] != bin || account["01"] != number {
			t.Fatalf("payload %q: account %v, want BIN %q and number %q", payload, account, bin, number)
		}
		switch {
		case amount == 0 && (fields["01"] != "11" || fields["54"] != ""):
			t.Fatalf("payload %q: a static code with an amount", payload)
		case amount > 0 && (fields["01"] != "12" || fields["54"] != strconv.FormatInt(amount, 10)):
			t.Fatalf("payload %q: amount %q, want %d", payload, fields["54"], amount)
		}
		if n := parseTLV(t, fields["62"])["08"]; len(n) > MaxNoteLength || strings.Contains(n, "  ") {
			t.Fatalf("payload %q: note %q is too long or not folded", payload, n)
		}
	})
}
