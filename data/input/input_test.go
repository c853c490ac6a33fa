package input

import (
	"strings"
	"testing"
)

// keys splits "ㄷ ㅗ" style input: one key per rune, "_" for a space.
func keys(s string) []string {
	var out []string
	for _, r := range s {
		if r == '_' {
			out = append(out, " ")
		} else {
			out = append(out, string(r))
		}
	}
	return out
}

func TestHangulComposesSyllables(t *testing.T) {
	cases := []struct{ keys, want string }{
		{"ㄷㅗ", "도"},
		{"ㄷㅗㅈㅏㄱㅣ", "도자기"},
		{"ㄷㅗㅈㅏㄱ", "도작"}, // the final may yet move on
		{"ㄷㅏㄹㄱ", "닭"},
		{"ㄷㅏㄹㄱㅏ", "달가"}, // a compound final splits, its second part moves on
		{"ㅂㅣㄷㅏㄴ", "비단"},
		{"ㅆㅏㄹ", "쌀"}, // a doubled consonant from its own key
		{"ㄲㅗㅊ", "꽃"},
		{"ㄱㅗㅏ", "과"}, // a compound vowel
		{"ㅇㅗㅐ", "왜"},
		{"ㄱ", "ㄱ"},
		{"ㄱㄴ", "ㄱㄴ"},
		{"ㅏ", "ㅏ"},
		{"ㅁㅏㅇㅡㄹ", "마을"},
		{"ㅂㅏㅅ_ㅉㅏㅇ", "밧 짱"},
		{"ㅃㅏ", "빠"},
		{"ㅃㅏㅃ", "빠ㅃ"}, // ㅃ cannot end a syllable
	}
	for _, c := range cases {
		got, q := Hangul{}.Render(keys(c.keys))
		if got != c.want || q != got {
			t.Errorf("%s: %q (query %q), want %q", c.keys, got, q, c.want)
		}
	}
}

func TestBackspaceUndoesOneJamo(t *testing.T) {
	e := NewEditor(Hangul{}, 0)
	for _, k := range keys("ㄷㅏㄹㄱㅏ") {
		e.Press(k)
	}
	var seen []string
	for e.Text() != "" {
		seen = append(seen, e.Text())
		e.Backspace()
	}
	want := "달가 닭 달 다 ㄷ"
	if got := strings.Join(seen, " "); got != want {
		t.Errorf("Backspace steps: %s, want %s", got, want)
	}
}

func TestHangulRanges(t *testing.T) {
	lo, hi, ok := SyllableRange('ㄱ')
	if !ok || lo != '가' || hi != '까' {
		t.Errorf("ㄱ: %c–%c %v", lo, hi, ok)
	}
	lo, hi, ok = SyllableRange('도')
	if !ok || lo != '도' || hi != '도'+28 {
		t.Errorf("도: %c–%c", lo, hi)
	}
	if _, _, ok := SyllableRange('작'); ok {
		t.Error("작 has a final: no range")
	}
	head, moved, ok := SplitFinal('작')
	if !ok || head != '자' || moved != 'ㄱ' {
		t.Errorf("작: %c + %c", head, moved)
	}
	head, moved, _ = SplitFinal('닭')
	if head != '달' || moved != 'ㄱ' {
		t.Errorf("닭: %c + %c", head, moved)
	}
}

func TestKanaMarks(t *testing.T) {
	cases := []struct {
		keys []string
		want string
	}{
		{[]string{"と", "う", "き"}, "とうき"},
		{[]string{"か", KeyDakuten}, "が"},
		{[]string{"か", KeyDakuten, KeyDakuten}, "か"},
		{[]string{"は", KeyHandakuten}, "ぱ"},
		{[]string{"つ", KeySmall}, "っ"},
		{[]string{"き", "よ", KeySmall}, "きょ"},
		{[]string{KeyDakuten, "あ"}, "あ"},
		{[]string{"あ", KeyDakuten}, "あ"},
	}
	for _, c := range cases {
		if got, _ := (Kana{}).Render(c.keys); got != c.want {
			t.Errorf("%v: %q, want %q", c.keys, got, c.want)
		}
	}
	e := NewEditor(Kana{}, 0)
	for _, k := range []string{"か", KeyDakuten, "あ", KeyDakuten} {
		e.Press(k)
	}
	e.Backspace() // the mark did nothing: Backspace removes あ
	if e.Text() != "が" {
		t.Errorf("after Backspace: %q", e.Text())
	}
	e.Backspace()
	if e.Text() != "か" {
		t.Errorf("Backspace takes the voicing mark off: %q", e.Text())
	}
}

func TestRomaji(t *testing.T) {
	cases := []struct{ in, text, query string }{
		{"ka", "か", "か"},
		{"k", "k", ""},
		{"touki", "とうき", "とうき"},
		{"yakimono", "やきもの", "やきもの"},
		{"kyo", "きょ", "きょ"},
		{"shiruku", "しるく", "しるく"},
		{"kitte", "きって", "きって"},
		{"kan", "かn", "かん"},
		{"kanna", "かんな", "かんな"},
		{"sensu", "せんす", "せんす"},
		{"chawan", "ちゃわn", "ちゃわん"},
		{"kinu", "きぬ", "きぬ"},
	}
	for _, c := range cases {
		text, query := Romaji{}.Render(keys(c.in))
		if text != c.text || query != c.query {
			t.Errorf("%s: %q / %q, want %q / %q", c.in, text, query, c.text, c.query)
		}
	}
	if (Romaji{}).Converted(keys("silk")) || !(Romaji{}).Converted(keys("kinu")) {
		t.Error("Converted")
	}
}

func TestVietnameseMarks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"luaj", "lụa"},
		{"lua5", "lụa"},
		{"gomos", "gốm"}, // the second o makes ô, after the m as UniKey does
		{"goomf", "gồm"},
		{"goom1", "gốm"},
		{"bats trangf", "bát tràng"},
		{"bat1 trang2", "bát tràng"},
		{"vanj phucs", "vạn phúc"},
		{"ddoongf", "đồng"},
		{"d9o6ng2", "đồng"},
		{"luwa", "lưa"},
		{"suwr", "sử"},
		{"nuwowcs", "nước"},
		{"nuo7c1", "nước"},
		{"hoaf", "hòa"},
		{"toans", "toán"},
		{"quas", "quá"},
		{"giaf", "già"},
		{"silk", "silk"},
		{"lua", "lua"},
		{"w", "ư"},
		{"tra8", "tră"},
	}
	for _, c := range cases {
		if got, _ := (Vietnamese{}).Render(keys(strings.ReplaceAll(c.in, " ", "_"))); got != c.want {
			t.Errorf("%s: %q, want %q", c.in, got, c.want)
		}
	}
}

func TestEditorKeepsTextAcrossMethods(t *testing.T) {
	e := NewEditor(Hangul{}, 10)
	for _, k := range keys("ㄷㅗ") {
		e.Press(k)
	}
	e.SetMethod(Plain{})
	e.Press("a")
	if e.Text() != "도a" || e.Query() != "도a" {
		t.Errorf("text %q", e.Text())
	}
	e.Backspace()
	e.Backspace()
	if e.Text() != "" {
		t.Errorf("after two Backspaces: %q", e.Text())
	}
	e.Press(" ")
	if e.Text() != "" {
		t.Error("a leading space was typed")
	}
	for range 20 {
		e.Press("x")
	}
	if len(e.Text()) != 10 {
		t.Errorf("limit: %q", e.Text())
	}
}

func TestKeysRoundTrip(t *testing.T) {
	for _, s := range []string{"도자기", "닭", "과자", "밧짱 도자기 마을", "꽃병"} {
		if got, _ := (Hangul{}).Render(HangulKeys(s)); got != s {
			t.Errorf("HangulKeys(%s) types %s", s, got)
		}
	}
	for _, s := range []string{"ばっちゃん", "ぼんさい", "らんぷ", "ちゃき", "とうき"} {
		if got, _ := (Kana{}).Render(KanaKeys(s)); got != s {
			t.Errorf("KanaKeys(%s) types %s", s, got)
		}
	}
}
