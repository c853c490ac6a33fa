package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// wrapRuns keeps every character, in order, and no line is wider than the
// width it wraps to (a word wider than a line is cut inside).
func TestWrapRunsKeepsTextAndWidth(t *testing.T) {
	test.NewTempApp(t)
	bold := fyne.TextStyle{Bold: true}
	cases := map[string][]styledRun{
		"Vietnamese":     {{"Làng gốm Bát Tràng có lịch sử hơn bảy trăm năm, ", fyne.TextStyle{}}, {"men lam", bold}, {" và men rạn.", fyne.TextStyle{}}},
		"one long word":  {{strings.Repeat("a", 500), fyne.TextStyle{}}},
		"Chinese":        {{strings.Repeat("巴特场陶瓷村历史悠久。", 20), fyne.TextStyle{}}},
		"line breaks":    {{"một\nhai\n\nba", fyne.TextStyle{}}},
		"spaces":         {{"   a   b   ", fyne.TextStyle{}}},
		"bold mid-word":  {{"Bát", bold}, {"Tràng", fyne.TextStyle{}}},
		"empty":          {{"", fyne.TextStyle{}}},
		"Korean":         {{strings.Repeat("밧짱 도자기 마을 ", 30), fyne.TextStyle{}}},
		"only a newline": {{"\n", fyne.TextStyle{}}},
	}
	for name, runs := range cases {
		for _, width := range []float32{1, 40, 300, 900} {
			lines := wrapRuns(runs, 18, width)
			var got, want strings.Builder
			for _, r := range runs {
				want.WriteString(strings.Join(strings.Fields(r.text), ""))
			}
			for _, line := range lines {
				var w float32
				for _, p := range line {
					got.WriteString(strings.Join(strings.Fields(p.text), ""))
					end := p.x
					// Closing punctuation may hang past the end (kinsoku).
					for _, r := range strings.TrimRight(strings.TrimRight(p.text, " "), noLineStart) {
						end += advance(r, p.style, 18)
					}
					w = max(w, end)
				}
				if chars := len([]rune(strings.TrimRight(strings.TrimSpace(linesText(line)), noLineStart))); w > width+0.5 && chars > 1 {
					t.Errorf("%s at %v: line %q is %v wide", name, width, linesText(line), w)
				}
			}
			if got.String() != want.String() {
				t.Errorf("%s at %v: text changed:\n%q\n%q", name, width, got.String(), want.String())
			}
		}
	}
}

func linesText(l storyLine) string {
	var b strings.Builder
	for _, p := range l {
		b.WriteString(p.text)
	}
	return b.String()
}

// Kinsoku: at every width, no wrapped Japanese or Chinese line begins with
// closing punctuation, a small kana or "ー", and none ends with an opening
// bracket (a cut inside a word longer than the line aside).
func TestWrapRunsKeepsJapaneseLineBreakRules(t *testing.T) {
	test.NewTempApp(t)
	texts := []string{
		strings.Repeat("バッチャン焼きは「白地に藍」の器で、ハノイの北東にある村で作られています。", 6),
		strings.Repeat("万福丝绸村的织工（约两千人）仍用木织机，织出的“万福绸”轻而有光泽。", 6),
		strings.Repeat("チョコレート、コーヒー、ミルクティー。ショップ！", 8),
	}
	for _, text := range texts {
		for width := float32(60); width <= 700; width += 7 {
			lines := wrapRuns([]styledRun{{text, fyne.TextStyle{}}}, 18, width)
			for i, line := range lines {
				s := []rune(strings.TrimSpace(linesText(line)))
				if len(s) == 0 {
					continue
				}
				if i > 0 && strings.ContainsRune(noLineStart, s[0]) {
					t.Errorf("at %v a line starts with %q: %q", width, s[0], string(s))
				}
				if i < len(lines)-1 && strings.ContainsRune(noLineEnd, s[len(s)-1]) {
					t.Errorf("at %v a line ends with %q: %q", width, s[len(s)-1], string(s))
				}
			}
		}
	}
}

// The last line of a Japanese or Chinese paragraph never holds one
// character alone ("くださ / い"), and taking one down keeps the other
// rules and the width.
func TestWrapRunsLeavesNoLoneLastCharacter(t *testing.T) {
	test.NewTempApp(t)
	texts := []string{
		"読み取り後、アドレスを確認してください：",
		"スマートフォンのカメラで読み取ると購入ページが開きます",
		"用手机相机扫码打开购买页面。",
		"貫入釉の蓮絵茶器セット",                             // "…セッ / ト": the ッ must come down too
		"用拼音输入，带不带声调都可以，例如 taoci、tao ci 或 tc（陶瓷）", // "（陶 / 瓷）"
		"バッチャン焼きの器です。\nハノイの北東にある村で作られています。",
	}
	lone := 0
	for _, text := range texts {
		for width := float32(120); width <= 600; width += 3 { // from six characters a line
			lines := wrapRuns([]styledRun{{text, fyne.TextStyle{}}}, 20, width)
			for i, line := range lines {
				s := []rune(strings.TrimSpace(linesText(line)))
				if len(s) == 0 {
					continue
				}
				if lineWidth(line, 20) > width+advance('。', fyne.TextStyle{}, 20) {
					t.Errorf("at %v the line %q is %v wide", width, string(s), lineWidth(line, 20))
				}
				if i > 0 && strings.ContainsRune(noLineStart, s[0]) {
					t.Errorf("at %v a line starts with %q: %q", width, s[0], string(s))
				}
				ends := i == len(lines)-1 || len(lines[i+1]) == 0
				if n := len([]rune(strings.TrimRight(string(s), noLineStart))); ends && i > 0 && n == 1 {
					lone++
					t.Errorf("at %v the paragraph ends with a line of one character: %q", width, string(s))
				}
			}
		}
	}
	if lone > 0 {
		t.Logf("%d lone last characters", lone)
	}
}

// A tile's name in two lines keeps the same rules: the second line never
// begins with "ッ" or "。", the first never ends with "（".
func TestSplitToFitKeepsJapaneseLineBreakRules(t *testing.T) {
	test.NewTempApp(t)
	for _, name := range []string{"貫入釉の蓮絵茶器セット", "絹のスカーフ（手染め）。", "チョコレート、コーヒー", "持ち手付きの手編みラタンかご"} {
		for width := float32(60); width < 400; width += 4 {
			first, rest := splitToFit(name, 24, true, width)
			if rest == "" {
				continue
			}
			if r := []rune(rest)[0]; strings.ContainsRune(noLineStart, r) {
				t.Errorf("at %v %q splits as %q / %q", width, name, first, rest)
			}
			if r := []rune(first); strings.ContainsRune(noLineEnd, r[len(r)-1]) {
				t.Errorf("at %v %q splits as %q / %q", width, name, first, rest)
			}
			if n := utf8.RuneCountInString(strings.TrimRight(rest, noLineStart)); n == 1 && width >= 100 {
				t.Errorf("at %v %q splits as %q / %q: one character alone", width, name, first, rest)
			}
		}
	}
}
