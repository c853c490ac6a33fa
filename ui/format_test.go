package ui

import (
	"testing"

	"ocopkiosk/data"
)

// Large amounts are written as each language counts them; an amount that
// is not round keeps every digit.
func TestCompactVND(t *testing.T) {
	for _, c := range []struct {
		n    int64
		lang data.Lang
		want string
	}{
		{25_000_000, data.VI, "25 triệu"},
		{2_400_000, data.VI, "2,4 triệu"},
		{650_000, data.VI, "650.000"},
		{2_400_000, data.EN, "2.4M"},
		{3_000_000, data.KO, "300만"},
		{650_000, data.KO, "65만"},
		{25_000_000, data.ZH, "2,500万"},
		{3_000_000, data.JA, "300万"},
		{1_234_567, data.EN, "1,234,567"},
		{9_000, data.JA, "9,000"},
	} {
		if got := compactVND(c.n, c.lang); got != c.want {
			t.Errorf("compactVND(%d, %s) = %q, want %q", c.n, c.lang, got, c.want)
		}
	}
}
