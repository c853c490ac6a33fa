package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// languageNames are shown in each language's own script, so a visitor finds
// theirs whatever language the screen is in.
var languageNames = map[data.Lang]string{
	data.VI: "Tiếng Việt",
	data.EN: "English",
	data.KO: "한국어",
	data.ZH: "中文",
	data.JA: "日本語",
}

// topBar is always on screen: Back, Home, the screen's title (five taps on
// it open staff mode), the text-size control and the language picker. On a
// wide screen they share one row; where they do not fit, the title moves to
// a line of its own, and on a narrow screen the languages too (barLayout).
type topBar struct {
	k     *Kiosk
	back  *touchButton
	home  *touchButton
	aa    *touchButton
	title *canvas.Text
	full  string // the title before it is cut to fit
	// Back's and Home's words, which a narrow bar leaves out.
	backText, homeText string
	target             *tapTarget
	langs              map[data.Lang]*touchButton
	picker             *fyne.Container
	row                *fyne.Container
	obj                fyne.CanvasObject
}

func newTopBar(k *Kiosk) *topBar {
	b := &topBar{k: k, langs: map[data.Lang]*touchButton{}}
	b.back = newTouchButton("", theme.NavigateBackIcon(), styleOnDark, k.Back)
	b.home = newTouchButton("", theme.HomeIcon(), styleOnDark, k.Home)
	b.aa = newTouchButton("Aa", nil, styleOnDark, k.ToggleLargeText)
	b.aa.textSize = 30
	b.title = canvas.NewText("", color.White)
	b.title.TextSize = 30 * textScale
	b.title.TextStyle.Bold = true
	b.picker = &fyne.Container{Layout: flowLayout{gap: barGap}}
	b.setLanguages(k.opt.Languages)
	bg := canvas.NewLinearGradient(colorLacquer, colorBarBottom, 0)
	left := container.NewHBox(b.back, b.home)
	b.target = newTapTarget(b.title, k.titleTapped) // five taps open staff mode
	b.row = &fyne.Container{Layout: &barLayout{b: b}, Objects: []fyne.CanvasObject{left, b.target, b.aa, b.picker}}
	b.obj = container.NewStack(bg, b.row)
	return b
}

func (b *topBar) object() fyne.CanvasObject { return b.obj }

const (
	barGap = 8
	barPad = 8
)

// barLayout arranges the top bar for its width: objects are the Back/Home
// group, the title, the Aa control and the language picker.
type barLayout struct {
	b *topBar
	// tall is set by the page on a portrait screen: there a third line
	// costs little, and Back and Home keep their words.
	tall bool
}

// plan decides the rows: 1 (all in one), 2 (the title on its own line) or
// 3 (the languages on their own line(s) too), and whether Back and Home
// show their icons only, to save a line.
func (l *barLayout) plan(objs []fyne.CanvasObject, width float32) (rows int, iconsOnly bool) {
	rows = l.rows(objs, width, l.leftWidth(false))
	if compact := l.rows(objs, width, l.leftWidth(true)); compact < rows && rows == 3 && !l.tall {
		return compact, true
	}
	return rows, false
}

// leftWidth is the width Back and Home take, with or without their words.
func (l *barLayout) leftWidth(iconsOnly bool) float32 {
	b := l.b
	if iconsOnly {
		return 2*float32(iconSize+2*buttonPadX) + theme.Padding()
	}
	words := func(s string) float32 {
		return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + iconSize + iconGap + 2*buttonPadX
	}
	// The widest words of any offered language, not this one's: the bar
	// is then laid out alike in every language, and the language buttons
	// do not move away from a finger that has just switched language
	// (Vietnamese's longer words wrapped them onto a line of their own).
	widest := words(b.backText) + words(b.homeText)
	for _, l := range b.k.opt.Languages {
		widest = max(widest, words(b.k.msg.T(l, "nav.back"))+words(b.k.msg.T(l, "nav.home")))
	}
	return widest + theme.Padding()
}

func (l *barLayout) rows(objs []fyne.CanvasObject, width, left float32) int {
	aa, langs := objs[2].MinSize().Width, oneLineWidth(l.b.picker.Objects)
	title := fyne.MeasureText(l.b.full, l.b.title.TextSize, l.b.title.TextStyle).Width
	inner := width - 2*barPad
	switch {
	case left+title+aa+langs+3*barGap+2*barGap <= inner:
		return 1
	case left+aa+langs+2*barGap+barGap <= inner:
		return 2
	}
	return 3
}

func (l *barLayout) titleHeight() float32 {
	return fyne.MeasureText("Ág", l.b.title.TextSize, l.b.title.TextStyle).Height + barGap
}

// heightFor is the bar's height at a width.
func (l *barLayout) heightFor(objs []fyne.CanvasObject, width float32) float32 {
	row := float32(minTouch)
	switch rows, _ := l.plan(objs, width); rows {
	case 1:
		return row + 2*barPad
	case 2:
		return row + l.titleHeight() + 2*barPad
	}
	langs := flowLayout{gap: barGap}.heightFor(l.b.picker.Objects, width-2*barPad)
	return row + barGap + langs + l.titleHeight() + 2*barPad
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, l.heightFor(objs, l.b.row.Size().Width))
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	left, target, aa, picker := objs[0], objs[1], objs[2], objs[3]
	inner := size.Width - 2*barPad
	row := float32(minTouch)
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, h))
	}
	rows, iconsOnly := l.plan(objs, size.Width)
	l.b.showWords(!iconsOnly)
	place(left, barPad, barPad, left.MinSize().Width, row)
	aw, lw := aa.MinSize().Width, picker.MinSize().Width
	var titleY float32
	switch rows {
	case 1:
		// The languages' one-line width: flowLayout's MinSize is its widest button.
		lw = oneLineWidth(l.b.picker.Objects)
		l.placeRight(aa, picker, size.Width, aw, lw, row)
		l.fitTitle(inner - left.MinSize().Width - aw - lw - 5*barGap)
		// Centred on the screen where it fits there, else in the gap.
		from, to := barPad+left.MinSize().Width+barGap, size.Width-barPad-lw-aw-2*barGap
		tw := target.MinSize().Width
		x := max(from, min((size.Width-tw)/2, to-tw))
		place(target, x, barPad, tw, row)
		return
	case 2:
		lw = oneLineWidth(l.b.picker.Objects)
		l.placeRight(aa, picker, size.Width, aw, lw, row)
		titleY = barPad + row
	default:
		place(aa, size.Width-barPad-aw, barPad, aw, row)
		lh := flowLayout{gap: barGap}.heightFor(l.b.picker.Objects, inner)
		place(picker, barPad, barPad+row+barGap, inner, lh)
		titleY = barPad + row + barGap + lh
	}
	l.fitTitle(inner)
	place(target, barPad, titleY, inner, l.titleHeight())
}

// placeRight puts Aa in the top right corner and the languages on its
// left. Aa stays in that corner however the bar wraps: large text widens
// the language buttons and may wrap them onto a line of their own, and the
// control just tapped must not jump away from the finger.
func (l *barLayout) placeRight(aa, picker fyne.CanvasObject, width, aw, lw, row float32) {
	aa.Move(fyne.NewPos(width-barPad-aw, barPad))
	aa.Resize(fyne.NewSize(aw, row))
	picker.Move(fyne.NewPos(width-barPad-aw-barGap-lw, barPad))
	picker.Resize(fyne.NewSize(lw, row))
}

// fitTitle cuts the title to a width, with an ellipsis, if it must.
func (l *barLayout) fitTitle(width float32) {
	t := l.b.title
	cut := fitText(l.b.full, t.TextSize, true, max(width, 40))
	if cut != t.Text {
		t.Text = cut
		t.Refresh()
	}
}

func oneLineWidth(objs []fyne.CanvasObject) float32 {
	var w float32
	for i, o := range objs {
		if i > 0 {
			w += barGap
		}
		w += o.MinSize().Width
	}
	return w
}

// setLanguages shows a button for each language offered, in its own script.
func (b *topBar) setLanguages(langs []data.Lang) {
	b.langs = map[data.Lang]*touchButton{}
	b.picker.Objects = nil
	for _, l := range langs {
		lang := l
		btn := newTouchButton(languageNames[l], nil, styleOnDark, func() { b.k.SetLanguage(lang) })
		btn.regular = true // five scripts in one row: one weight
		b.langs[l] = btn
		b.picker.Add(btn)
	}
	b.picker.Refresh()
}

// tapTarget makes any object react to a tap (the title's staff gesture).
type tapTarget struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapTarget(content fyne.CanvasObject, onTap func()) *tapTarget {
	t := &tapTarget{content: content, onTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped reports the tap.
func (t *tapTarget) Tapped(*fyne.PointEvent) { t.onTap() }

func (t *tapTarget) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(t.content))
}

// update shows the screen's title and the chosen language. Back stays in
// its place even on Home, so the bar never jumps, but faded there: it
// leads nowhere.
func (b *topBar) update(r Route, canGoBack bool) {
	k := b.k
	b.backText, b.homeText = k.t("nav.back"), k.t("nav.home")
	b.back.text, b.home.text = b.backText, b.homeText
	b.back.selected = false
	b.back.disabled = !canGoBack
	b.back.Refresh()
	b.home.Refresh()
	b.full = k.title(r)
	b.title.Text = b.full
	b.title.Refresh()
	b.k.page.Refresh() // the title's width changed, and with it maybe the bar's lines
	for l, btn := range b.langs {
		btn.setSelected(l == k.lang)
	}
}

// showWords shows Back's and Home's words, or only their icons.
func (b *topBar) showWords(on bool) {
	back, home := "", ""
	if on {
		back, home = b.backText, b.homeText
	}
	if b.back.text != back || b.home.text != home {
		b.back.text, b.home.text = back, home
		b.back.Refresh()
		b.home.Refresh()
	}
}
