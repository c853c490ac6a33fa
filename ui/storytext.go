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

	width float32     // the width lines were made for
	lines []storyLine // the lines at that width
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

// lineHeight is the height of one line of text, as Fyne's own labels space
// the lines of a wrapped paragraph.
func (t *storyText) lineHeight() float32 {
	return fyne.MeasureText("Ág", t.textSize(), fyne.TextStyle{}).Height
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
	fg := theme.Color(theme.ColorNameForeground)
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
	advanceMu sync.Mutex
	advances  = map[advanceKey]float32{}
)

// advance is the width of one character.
func advance(r rune, style fyne.TextStyle, size float32) float32 {
	key := advanceKey{r, style, size}
	advanceMu.Lock()
	w, ok := advances[key]
	advanceMu.Unlock()
	if ok {
		return w
	}
	w = fyne.MeasureText(string(r), size, style).Width
	advanceMu.Lock()
	if len(advances) > 50000 {
		clear(advances) // a bound for a kiosk that meets every script in a day
	}
	advances[key] = w
	advanceMu.Unlock()
	return w
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

// breaksBetween reports whether a line may break between r and next
// (next is 0 at the end of a run, where any break breaksAfter allows is
// kept).
func breaksBetween(r, next rune) bool {
	return breaksAfter(r) && !strings.ContainsRune(noLineEnd, r) && (next == 0 || !strings.ContainsRune(noLineStart, next))
}

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
