package ui

import (
	"strings"
	"testing"

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
					for _, r := range strings.TrimRight(p.text, " ") {
						end += advance(r, p.style, 18)
					}
					w = max(w, end)
				}
				if chars := len([]rune(strings.TrimSpace(linesText(line)))); w > width+0.5 && chars > 1 {
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
