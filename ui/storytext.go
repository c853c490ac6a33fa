package ui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's RichText wraps a paragraph by measuring everything left of it
// again for each line, and again for each step of a search within the line:
// the cost grows with the square of the paragraph's length (a 20 KB
// paragraph took 4 s to lay out). Stories are therefore wrapped here, in one
// pass: each character's width is measured once per style and kept, a
// word's width is the sum of its characters', and lines are filled word by
// word. The widths ignore kerning, which only ever narrows a line, so a line
// never runs past the width it was wrapped to.

// styledRun is a piece of text in one style.
type styledRun struct {
	text  string
	style fyne.TextStyle
}

// storyText is wrapped text of several styles, drawn as one canvas.Text per
// line and style.
type storyText struct {
	widget.BaseWidget
	runs   []styledRun
	size   float32 // text size; 0 for the theme's
	center bool    // each line centred, as under a picture
	// color names the theme colour of the text; the foreground if empty.
	color fyne.ThemeColorName

	width float32     // the width lines were made for
	lines []storyLine // the lines at that width

	tall, tallSize float32 // lineHeight, and the text size it was found for
}

// storyLine is one line of wrapped text: its pieces, each at its x.
type storyLine []placedRun

type placedRun struct {
	styledRun
	x float32
}

func newStoryText(runs []styledRun) *storyText {
	t := &storyText{runs: runs}
	t.ExtendBaseWidget(t)
	return t
}

// newWrappedText is a short visitor text that wraps as stories do, with
// the line-break rules of Japanese and Chinese, where a Fyne label would
// cut "ください" before its last kana or start a line with "。": a QR
// code's instructions, a tile's hint, a fact's value.
func newWrappedText(s string, style fyne.TextStyle, size float32, center bool) *storyText {
	t := newStoryText([]styledRun{{s, style}})
	t.size, t.center = size, center
	return t
}

// setText replaces the text, in the style of its first run.
func (t *storyText) setText(s string) {
	var style fyne.TextStyle
	if len(t.runs) > 0 {
		style = t.runs[0].style
	}
	if len(t.runs) == 1 && t.runs[0].text == s {
		return
	}
	t.runs, t.lines, t.tall = []styledRun{{s, style}}, nil, 0
	t.Refresh()
}

// text is the whole text, without styles.
func (t *storyText) text() string {
	var s []byte
	for _, r := range t.runs {
		s = append(s, r.text...)
	}
	return string(s)
}

func (t *storyText) textSize() float32 {
	if t.size > 0 {
		return t.size
	}
	return theme.TextSize()
}

// lineHeight is the height of one line of text: as Fyne's own labels space
// the lines of a wrapped paragraph, or more where one of the text's
// characters is taller in its font (bold Japanese lines overlapped).
func (t *storyText) lineHeight() float32 {
	size := t.textSize()
	if t.tall == 0 || t.tallSize != size {
		t.tall, t.tallSize = fyne.MeasureText("Ág", size, fyne.TextStyle{}).Height, size
		for _, run := range t.runs {
			for _, r := range run.text {
				if !unicode.IsSpace(r) {
					t.tall = max(t.tall, glyph(r, run.style, size).Height)
				}
			}
		}
	}
	return t.tall
}

// Resize wraps the text again when the width changes.
func (t *storyText) Resize(size fyne.Size) {
	old := t.Size()
	if size == old {
		return
	}
	t.BaseWidget.Resize(size)
	if size.Width != old.Width {
		t.Refresh() // the height needed changes with the width: tell the canvas
	}
}

// linesFor wraps the text to width, once per width.
func (t *storyText) linesFor(width float32) []storyLine {
	if width != t.width || t.lines == nil {
		t.width = width
		t.lines = wrapRuns(t.runs, t.textSize(), max(width, 1))
	}
	return t.lines
}

// CreateRenderer draws the lines.
func (t *storyText) CreateRenderer() fyne.WidgetRenderer {
	r := &storyTextRenderer{t: t}
	r.Refresh()
	return r
}

type storyTextRenderer struct {
	t     *storyText
	texts []fyne.CanvasObject
}

// innerWidth is the width text may take inside the theme's padding.
func (r *storyTextRenderer) innerWidth() float32 {
	return r.t.Size().Width - 2*theme.InnerPadding()
}

func (r *storyTextRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	w := r.innerWidth()
	if w <= 0 {
		// Not laid out yet: one line, until the width is known.
		return fyne.NewSize(2*pad, r.t.lineHeight()+2*pad)
	}
	return fyne.NewSize(2*pad, float32(len(r.t.linesFor(w)))*r.t.lineHeight()+2*pad)
}

func (r *storyTextRenderer) Layout(fyne.Size) { r.Refresh() }

// Refresh makes one canvas.Text per piece of each line.
func (r *storyTextRenderer) Refresh() {
	w := r.innerWidth()
	if w <= 0 {
		r.texts = nil
		return
	}
	pad, lh, size := theme.InnerPadding(), r.t.lineHeight(), r.t.textSize()
	colour := r.t.color
	if colour == "" {
		colour = theme.ColorNameForeground
	}
	fg := theme.Color(colour)
	texts := r.texts[:0]
	n := 0
	for i, line := range r.t.linesFor(w) {
		shift := float32(0)
		if r.t.center {
			shift = max(0, (w-lineWidth(line, size))/2)
		}
		for _, p := range line {
			var c *canvas.Text
			if n < len(r.texts) {
				c = r.texts[n].(*canvas.Text)
			} else {
				c = canvas.NewText("", fg)
			}
			c.Text, c.TextStyle, c.TextSize, c.Color = p.text, p.style, size, fg
			c.Move(fyne.NewPos(pad+shift+p.x, pad+float32(i)*lh))
			c.Resize(fyne.NewSize(w-p.x, lh))
			texts = append(texts, c)
			n++
		}
	}
	r.texts = texts
	for _, o := range r.texts {
		o.Refresh()
	}
}

// lineWidth is how wide a line's characters are, spaces at its end left out.
func lineWidth(line storyLine, size float32) float32 {
	if len(line) == 0 {
		return 0
	}
	last := line[len(line)-1]
	w := last.x
	for _, r := range strings.TrimRight(last.text, " ") {
		w += advance(r, last.style, size)
	}
	return w
}

func (r *storyTextRenderer) Objects() []fyne.CanvasObject { return r.texts }
func (r *storyTextRenderer) Destroy()                     {}

// Character widths, measured once per character, style and size.
type advanceKey struct {
	r     rune
	style fyne.TextStyle
	size  float32
}

var (
	glyphMu sync.Mutex
	glyphs  = map[advanceKey]fyne.Size{}
)

// advance is the width of one character.
func advance(r rune, style fyne.TextStyle, size float32) float32 {
	return glyph(r, style, size).Width
}

// glyph is the size of one character as Fyne measures it: its advance, and
// the height of a line in its font.
func glyph(r rune, style fyne.TextStyle, size float32) fyne.Size {
	key := advanceKey{sameWidthAs(r), style, size}
	glyphMu.Lock()
	s, ok := glyphs[key]
	glyphMu.Unlock()
	if ok {
		return s
	}
	s = fyne.MeasureText(string(key.r), size, style)
	glyphMu.Lock()
	if len(glyphs) > 50000 {
		clear(glyphs) // a bound for a kiosk that meets every script in a day
	}
	glyphs[key] = s
	glyphMu.Unlock()
	return s
}

// sameWidthAs is a character as wide as r in the kiosk's CJK faces, where
// a script's characters are all one width: the ideographs and kana (one
// em) and the Hangul syllables. Measuring one stands for all: a character
// measured for the first time costs a shaping font of milliseconds, and a
// visitor's every key brings names with characters not met before.
func sameWidthAs(r rune) rune {
	switch {
	case r >= 0x4E00 && r <= 0x9FEF, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
		return '国'
	case r >= 0xAC00 && r <= 0xD7A3:
		return '가'
	}
	return r
}

// breaksAfter reports characters after which a line may break without a
// space: the ideographs and kana of Chinese and Japanese, which are written
// without spaces.
func breaksAfter(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

// Kinsoku: a Japanese or Chinese line never begins with closing punctuation,
// a small kana or the long-vowel mark, and never ends with an opening
// bracket (JIS X 4051's line-start and line-end prohibitions, the usual
// subset). A reader meets "。" or "ッ" at the start of a line as an error.
const (
	noLineStart = "、。，．・：；？！ー‐〜～）」』】〕〉》〙〗’”ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ）％，．：；？！]}"
	noLineEnd   = "（「『【〔〈《〘〖‘“（［｛"
)

// kinsokuAllows reports whether the line-break rules allow a break between
// r and next: next may begin a line and r may end one (next 0: the end of
// a run, where only r counts).
func kinsokuAllows(r, next rune) bool {
	return !strings.ContainsRune(noLineEnd, r) && (next == 0 || !strings.ContainsRune(noLineStart, next))
}

// breaksBetween reports whether a line may break between r and next
// without a space.
func breaksBetween(r, next rune) bool { return breaksAfter(r) && kinsokuAllows(r, next) }

// wrapper fills lines word by word.
type wrapper struct {
	size, width float32
	lines       []storyLine
	line        storyLine
	x           float32 // the current line's width so far, spaces included
	// The word being gathered: its pieces, its width, and the width of the
	// spaces at its end (which may hang past the line's end).
	word           []styledRun
	wordW, spacesW float32
}

// wrapRuns wraps styled text to width in one pass over its characters.
func wrapRuns(runs []styledRun, size, width float32) []storyLine {
	w := &wrapper{size: size, width: width}
	for _, run := range runs {
		start := 0
		for i, r := range run.text {
			switch {
			case r == '\n':
				w.addPiece(run.text[start:i], run.style)
				w.endWord()
				w.avoidOrphan()
				w.newLine()
				start = i + 1
			case unicode.IsSpace(r):
				w.spacesW += advance(' ', run.style, size)
			default:
				if w.spacesW > 0 {
					// A space ended the word before this character.
					w.addPiece(run.text[start:i], run.style)
					w.endWord()
					start = i
				}
				w.wordW += advance(r, run.style, size)
				end := i + utf8.RuneLen(r)
				next, _ := utf8.DecodeRuneInString(run.text[end:])
				if next == utf8.RuneError {
					next = 0
				}
				if breaksBetween(r, next) {
					w.addPiece(run.text[start:end], run.style)
					w.endWord()
					start = end
				}
			}
		}
		w.addPiece(run.text[start:], run.style)
	}
	w.endWord()
	if len(w.line) > 0 || len(w.lines) == 0 {
		w.avoidOrphan()
		w.newLine()
	}
	return w.lines
}

func (w *wrapper) addPiece(s string, style fyne.TextStyle) {
	if s != "" {
		w.word = append(w.word, styledRun{s, style})
	}
}

// endWord puts the gathered word on the line, or on a new one if it does
// not fit; a word wider than a whole line is cut where it reaches the end.
func (w *wrapper) endWord() {
	if len(w.word) == 0 {
		w.spacesW = 0
		return
	}
	if w.x > 0 && w.x+w.wordW > w.width {
		w.newLine()
	}
	if w.wordW > w.width {
		w.cutWord()
	} else {
		for _, p := range w.word {
			w.x = w.place(p, w.x)
		}
	}
	w.x += w.spacesW
	w.word, w.wordW, w.spacesW = w.word[:0], 0, 0
}

// place puts a piece on the current line at x, merged into the piece before
// when they share a style, and returns the x after its last character.
func (w *wrapper) place(p styledRun, x float32) float32 {
	if n := len(w.line); n > 0 && w.line[n-1].style == p.style {
		w.line[n-1].text += p.text
	} else if p.text != "" {
		w.line = append(w.line, placedRun{p, x})
	}
	for _, r := range p.text {
		if !unicode.IsSpace(r) {
			x += advance(r, p.style, w.size)
		}
	}
	return x
}

// cutWord places a word wider than the line, character by character. A
// character that may not begin a line (kinsoku) takes the ones before it
// along to the next line, or, when they are all it has, hangs at the end.
func (w *wrapper) cutWord() {
	for _, p := range w.word {
		start, from := 0, w.x
		for i, r := range p.text {
			if unicode.IsSpace(r) {
				continue // hangs past the end
			}
			a := advance(r, p.style, w.size)
			if w.x > 0 && w.x+a > w.width {
				cut := i
				for cut > start {
					c, _ := utf8.DecodeRuneInString(p.text[cut:])
					_, n := utf8.DecodeLastRuneInString(p.text[start:cut])
					if !strings.ContainsRune(noLineStart, c) || cut-n == start {
						break
					}
					cut -= n
				}
				if c, _ := utf8.DecodeRuneInString(p.text[cut:]); strings.ContainsRune(noLineStart, c) {
					// Nothing can go along without emptying the line: the
					// character hangs past its end, as a Japanese
					// typesetter hangs 。 (burasage), and the next breaks.
					w.x += a
					continue
				}
				w.place(styledRun{p.text[start:cut], p.style}, from)
				w.newLine()
				start, from = cut, 0
				for _, c := range p.text[cut:i] {
					w.x += advance(c, p.style, w.size)
				}
			}
			w.x += a
		}
		w.place(styledRun{p.text[start:], p.style}, from)
	}
}

func (w *wrapper) newLine() {
	w.lines = append(w.lines, w.line)
	w.line, w.x = nil, 0
}

// avoidOrphan keeps the last line of a Japanese or Chinese paragraph from
// holding a single character (and its closing marks): "くださ / い" reads as
// a mistake. The character before it comes down too, where the rules allow
// a break there and the line above keeps at least two characters. Called
// as a paragraph ends, with its lines made and its last line in w.line.
func (w *wrapper) avoidOrphan() {
	n := len(w.lines)
	last := w.line
	if n == 0 || len(last) == 0 || len(w.lines[n-1]) == 0 {
		return
	}
	var body []rune // the last line's characters, closing marks left out
	for _, p := range last {
		for _, r := range p.text {
			if !strings.ContainsRune(noLineStart, r) && !unicode.IsSpace(r) {
				body = append(body, r)
			}
		}
	}
	if len(body) != 1 || !breaksAfter(body[0]) {
		return
	}
	prev := w.lines[n-1]
	tail := &prev[len(prev)-1]
	// The characters to take down: one, or up to three where the rules
	// keep them together: "…茶器セッ / ト" becomes "…茶器 / セット".
	runes := []rune(tail.text)
	take := 1 // back to where the line may break: "…セッ / ト" takes "セッ", "… tc（陶 / 瓷）" takes "tc（陶"
	for ; take+2 <= len(runes); take++ {
		first, before := runes[len(runes)-take], runes[len(runes)-take-1]
		if kinsokuAllows(before, first) && (unicode.IsSpace(before) || breaksAfter(before)) {
			break
		}
	}
	if take+2 > len(runes) || take > 12 {
		return // the line above keeps at least two characters; a long word stays
	}
	moved := runes[len(runes)-take:]
	tail.text = strings.TrimRightFunc(string(runes[:len(runes)-take]), unicode.IsSpace)
	var a float32
	for _, r := range moved {
		a += advance(r, tail.style, w.size)
	}
	for i := range last {
		last[i].x += a
	}
	if last[0].style == tail.style {
		last[0].text = string(moved) + last[0].text
		last[0].x = 0
	} else {
		last = append([]placedRun{{styledRun{string(moved), tail.style}, 0}}, last...)
	}
	w.line = last
	w.x += a
}
