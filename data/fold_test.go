package data

import (
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Bát Tràng", "bat trang"},
		{"Lụa Vạn Phúc", "lua van phuc"},
		{"ĐỒ GỖ Đồng Kỵ", "do go dong ky"},
		{"Gốm sứ", "gom su"}, // two marks on one letter
		{"Nghề khảm trai", "nghe kham trai"},
		{"Sơn mài Hạ Thái", "son mai ha thai"},
		{"Thủ công mỹ nghệ", "thu cong my nghe"},
		{"Ước mơ", "uoc mo"},
		{"도자기 마을", "도자기 마을"}, // Hangul untouched
		{"がらす", "がらす"},       // kana keep their voicing marks
		{"陶瓷", "陶瓷"},
	}
	for _, c := range cases {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSearchTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Bát Tràng, 5★!", []string{"bat", "trang", "5"}},
		{"巴特陶瓷村", []string{"巴特", "特陶", "陶瓷", "瓷村", "村"}},
		{"バッチャン焼き", []string{"ばっ", "っち", "ちゃ", "ゃん", "ん焼", "焼き", "き"}}, // katakana as hiragana
		{"밧짱 도자기", []string{"밧짱", "도자기"}},
		{"\"*-()NEAR AND", []string{"near", "and"}},
		{"", nil},
	}
	for _, c := range cases {
		if got := searchTokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("searchTokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTextFallsBack(t *testing.T) {
	full := Text{VI: "Gốm", EN: "Ceramics", KO: "도자기"}
	if got := full.In(KO); got != "도자기" {
		t.Errorf("In(ko) = %q", got)
	}
	if got := full.In(JA); got != "Ceramics" {
		t.Errorf("In(ja) falls back to English, got %q", got)
	}
	if got := (Text{VI: "Gốm"}).In(ZH); got != "Gốm" {
		t.Errorf("In(zh) falls back to Vietnamese, got %q", got)
	}
	if got := (Text{KO: "도자기"}).In(EN); got != "도자기" {
		t.Errorf("In(en) with only Korean gives Korean, got %q", got)
	}
	if full.Has(JA) || !full.Has(KO) {
		t.Error("Has reports own translations only")
	}
}
