package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data/input"
)

// searchKeyboard is a visitor's keyboard in their own script, with a key
// to the other page (Latin, or back), Space, Backspace and Clear. Keys go
// to an input.Editor, which composes them (Hangul syllables, kana, marks).
type searchKeyboard struct {
	e        *env
	editor   *input.Editor
	onChange func()
	pages    []keyPage
	page     int
	shift    bool
	box      *fyne.Container
}

func newSearchKeyboard(e *env, editor *input.Editor, onChange func()) *searchKeyboard {
	kb := &searchKeyboard{e: e, editor: editor, onChange: onChange,
		pages: keyPages(e.lang, e.t("key.latin"), e.t("key.native"))}
	editor.SetMethod(kb.pages[0].method)
	kb.box = container.New(&keyRowsLayout{})
	kb.build()
	return kb
}

func (kb *searchKeyboard) object() fyne.CanvasObject { return kb.box }

// tallestRows is the most rows any of the keyboard's pages has, with the
// row of Space and Backspace: the screen keeps room for that many, so the
// keys never move when the visitor switches page (ABC has fewer rows than
// kana, and the keys dropped a row's height under the finger).
func (kb *searchKeyboard) tallestRows() int {
	n := 0
	for _, p := range kb.pages {
		n = max(n, len(p.rows), len(p.shiftRows))
	}
	return n + 1
}

// widestUnits is the widest row, in keys, over all the pages (the last
// row's keys count as build makes them), for the same reason.
func (kb *searchKeyboard) widestUnits() float32 {
	last := float32(3.5 + 1.5 + 3) // Space, Backspace, Clear
	if len(kb.pages) > 1 {
		last += 1.5 // the key to the next page
	}
	w, shift := float32(0), false
	for _, p := range kb.pages {
		for _, r := range append(append([][]string{}, p.rows...), p.shiftRows...) {
			w = max(w, float32(len(r)))
		}
		shift = shift || p.shiftRows != nil
	}
	if shift {
		last += 1.5
	}
	return max(w, last)
}

// build lays out the current page's keys.
func (kb *searchKeyboard) build() {
	p := kb.pages[kb.page]
	rows := p.rows
	if kb.shift && p.shiftRows != nil {
		rows = p.shiftRows
	}
	l := kb.box.Layout.(*keyRowsLayout)
	l.rows = l.rows[:0]
	var objs []fyne.CanvasObject
	for _, row := range rows {
		var units []float32
		for _, key := range row {
			units = append(units, 1)
			if key == "" {
				objs = append(objs, layoutSpacer())
				continue
			}
			objs = append(objs, kb.key(key, key, nil, func() { kb.press(key) }))
		}
		l.rows = append(l.rows, units)
	}
	var last []float32
	if p.shiftRows != nil {
		objs = append(objs, kb.key("⇧", "", nil, kb.toggleShift))
		last = append(last, 1.5)
	}
	if len(kb.pages) > 1 {
		next := kb.pages[(kb.page+1)%len(kb.pages)]
		objs = append(objs, kb.key(next.label, "", nil, kb.nextPage))
		last = append(last, 1.5)
	}
	objs = append(objs,
		kb.key(kb.e.t("key.space"), " ", nil, func() { kb.press(" ") }),
		kb.key("", "", backspaceIcon, kb.backspace),
		kb.key(kb.e.t("key.clear"), "", theme.ContentClearIcon(), kb.clear))
	last = append(last, 3.5, 1.5, 3)
	l.rows = append(l.rows, last)
	kb.box.Objects = objs
	kb.box.Refresh()
}

func (kb *searchKeyboard) key(label, _ string, icon fyne.Resource, tap func()) fyne.CanvasObject {
	b := newTouchButton(label, icon, stylePlain, func() { kb.e.touch(); tap() })
	b.textSize, b.unscaled = keyTextSize, true // keyRowsLayout sizes it to its key
	return b
}

func (kb *searchKeyboard) press(key string) {
	kb.editor.Press(key)
	if kb.shift {
		kb.shift = false
		kb.build()
	}
	kb.onChange()
}

func (kb *searchKeyboard) backspace() { kb.editor.Backspace(); kb.onChange() }

func (kb *searchKeyboard) clear() { kb.editor.Clear(); kb.onChange() }

func (kb *searchKeyboard) toggleShift() {
	kb.shift = !kb.shift
	kb.build()
}

func (kb *searchKeyboard) nextPage() {
	kb.page = (kb.page + 1) % len(kb.pages)
	kb.shift = false
	kb.editor.SetMethod(kb.pages[kb.page].method)
	kb.build()
	kb.onChange()
}

// keyRowsLayout places keys row by row, each row centred, a key's width in
// units of the widest row's share of the space: the keyboard fills what
// the screen gives it, from a 1366×768 all-in-one to a portrait kiosk.
type keyRowsLayout struct {
	rows [][]float32
}

// Key sizes: never larger than a comfortable key, nor smaller than a
// fingertip on the smallest screen; keyTextSize is a key's letter at the
// normal text size.
const (
	keyTextSize  = 30
	keyMaxWidth  = 96
	keyMaxHeight = 84
	keyGap       = 6
	keyMinWidth  = 40
	keyMinHeight = 48
)

func (l *keyRowsLayout) widest() float32 {
	w := float32(1)
	for _, r := range l.rows {
		var sum float32
		for _, u := range r {
			sum += u
		}
		w = max(w, sum)
	}
	return w
}

func (l *keyRowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if len(l.rows) == 0 {
		return
	}
	unit := min(size.Width/l.widest(), keyMaxWidth)
	h := min(size.Height/float32(len(l.rows)), keyMaxHeight)
	// Letters as large as the visitor's text size asks, as far as the key
	// allows; Hangul jamo, small in the font, a fifth larger again.
	letters := min(keyTextSize*textScale, (h-keyGap)*0.55)
	for _, o := range objs {
		if b, ok := o.(*touchButton); ok {
			size := letters
			if r, n := utf8.DecodeRuneInString(b.text); n == len(b.text) && r >= 0x3131 && r <= 0x318E {
				size = min(letters*1.2, (h-keyGap)*0.6)
			}
			if b.textSize != size {
				b.textSize = size
				b.Refresh()
			}
		}
	}
	i := 0
	for r, row := range l.rows {
		var sum float32
		for _, u := range row {
			sum += u
		}
		x := (size.Width - sum*unit) / 2
		for _, u := range row {
			if i >= len(objs) {
				return
			}
			objs[i].Move(fyne.NewPos(x+keyGap/2, float32(r)*h+keyGap/2))
			objs[i].Resize(fyne.NewSize(u*unit-keyGap, h-keyGap))
			x += u * unit
			i++
		}
	}
}

func (l *keyRowsLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.widest()*keyMinWidth, float32(len(l.rows))*keyMinHeight)
}
