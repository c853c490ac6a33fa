package ui

import (
	"strings"
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// Fyne's label truncation shapes the text anew on every layout, which
// made a grid of product tiles miss its frame. Tiles instead show a
// canvas.Text cut once to fit, and the cut is cached here, so a tile that
// shows a product again costs nothing. Widths are the sum of each
// character's advance (storytext.go's cache), not fyne.MeasureText:
// measuring a new string makes a new HarfBuzz font, which for a CJK face
// costs milliseconds, and a visitor's every key shows new names.

type fitKey struct {
	text  string
	size  float32
	bold  bool
	width float32
}

const maxFitCache = 20000

var (
	fitMu    sync.Mutex
	fitCache = map[fitKey]string{}
)

// fitText returns s, or its longest beginning that fits width followed by
// an ellipsis.
func fitText(s string, size float32, bold bool, width float32) string {
	key := fitKey{s, size, bold, width}
	fitMu.Lock()
	cut, ok := fitCache[key]
	fitMu.Unlock()
	if ok {
		return cut
	}
	style := fyne.TextStyle{Bold: bold}
	cut = s
	if textWidth(s, size, style) > width {
		runes := []rune(s)
		lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
		for lo+1 < hi {
			mid := (lo + hi) / 2
			if textWidth(string(runes[:mid])+"…", size, style) <= width {
				lo = mid
			} else {
				hi = mid
			}
		}
		cut = string(runes[:lo]) + "…"
	}
	fitMu.Lock()
	if len(fitCache) >= maxFitCache {
		clear(fitCache) // a crude bound; the cache refills from use
	}
	fitCache[key] = cut
	fitMu.Unlock()
	return cut
}

// fitLine shows a canvas.Text on one line, cut with an ellipsis to the
// width it is given: a long name in large letters on a narrow screen. Set
// the text's Text and Refresh the line; the full text is kept.
type fitLine struct {
	widget.BaseWidget
	text *canvas.Text
	full string
	base float32 // the text's size when it fits
	// shrink is the least fraction of base the text may be drawn at
	// before it is cut; 1 cuts at once.
	shrink float32
	// short, when set, is shown instead of a full text that would be cut
	// ("1 / 3" for "Photo 1 of 3" between a gallery's arrows).
	short string
}

func newFitLine(t *canvas.Text) *fitLine {
	l := &fitLine{text: t, full: t.Text, base: t.TextSize, shrink: 1}
	l.ExtendBaseWidget(l)
	return l
}

// newShrinkingLine is a fitLine that draws a long text smaller, down to
// shrink times its size, before it cuts it (the attract loop's names).
func newShrinkingLine(t *canvas.Text, shrink float32) *fitLine {
	l := newFitLine(t)
	l.shrink = shrink
	return l
}

// set shows another text.
func (l *fitLine) set(s string) {
	l.full = s
	l.Refresh()
}

func (l *fitLine) CreateRenderer() fyne.WidgetRenderer { return &fitLineRenderer{l: l} }

type fitLineRenderer struct{ l *fitLine }

func (r *fitLineRenderer) Layout(size fyne.Size) {
	t := r.l.text
	t.Text, t.TextSize = shrinkToFit(r.l.full, r.l.base, t.TextStyle.Bold, size.Width, r.l.shrink)
	if t.Text != r.l.full && r.l.short != "" {
		t.Text, t.TextSize = shrinkToFit(r.l.short, r.l.base, t.TextStyle.Bold, size.Width, r.l.shrink)
	}
	t.Resize(fyne.NewSize(size.Width, t.MinSize().Height))
	t.Refresh()
}

func (r *fitLineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(0, r.l.text.MinSize().Height)
}
func (r *fitLineRenderer) Refresh()                     { r.Layout(r.l.Size()) }
func (r *fitLineRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.text} }
func (r *fitLineRenderer) Destroy()                     {}

// splitToFit cuts s into a first line that fits width, broken after a
// space where there is one (anywhere in text written without spaces), and
// the rest, cut with an ellipsis to fit a second line. A product's name
// on a tile has two lines: one cut "Bộ ấm chén men rạn vẽ s…" hid what
// the product was.
func splitToFit(s string, size float32, bold bool, width float32) (first, rest string) {
	style := fyne.TextStyle{Bold: bold}
	if textWidth(s, size, style) <= width {
		return s, ""
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if textWidth(string(runes[:mid]), size, style) <= width {
			lo = mid
		} else {
			hi = mid
		}
	}
	cut := lo
	for i := lo; i > lo/2; i-- {
		if runes[i] == ' ' {
			cut = i
			break
		}
	}
	// Without a space (Japanese, Chinese): not before "ッ" or "。", not
	// after "（" (kinsoku, as storyText wraps).
	if cut == lo {
		for cut > 1 && !kinsokuAllows(runes[cut-1], runes[cut]) {
			cut--
		}
		// Nor one character alone on the second line ("…ラタンか / ご").
		if tail := strings.TrimRight(string(runes[cut:]), noLineStart); utf8.RuneCountInString(tail) == 1 && breaksAfter(runes[cut]) {
			for c := cut - 1; c > 2; c-- {
				if kinsokuAllows(runes[c-1], runes[c]) {
					cut = c
					break
				}
			}
		}
	}
	if cut == 0 {
		cut = 1
	}
	first = strings.TrimRight(string(runes[:cut]), " ")
	rest = strings.TrimLeft(string(runes[cut:]), " ")
	return first, fitText(rest, size, bold, width)
}

// shrinkToFit is the size, down to least times size, at which s fits
// width (a price keeps its unit), and s cut with an ellipsis at that size
// when even that is too small.
func shrinkToFit(s string, size float32, bold bool, width, least float32) (string, float32) {
	style := fyne.TextStyle{Bold: bold}
	for f := float32(1); f >= least; f -= 0.05 {
		if textWidth(s, size*f, style) <= width {
			return s, size * f
		}
	}
	return fitText(s, size*least, bold, width), size * least
}

// textWidth is how wide s is drawn in one line: the sum of its characters'
// advances. Kerning, which it leaves out, only narrows Latin pairs, so a
// text that fits by this measure fits when drawn.
func textWidth(s string, size float32, style fyne.TextStyle) float32 {
	var w float32
	for _, r := range s {
		w += advance(r, style, size)
	}
	return w
}
