package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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

// topBar is always on screen: Back, Home, the screen's title and the
// language picker.
type topBar struct {
	k      *Kiosk
	back   *touchButton
	home   *touchButton
	title  *canvas.Text
	langs  map[data.Lang]*touchButton
	picker *fyne.Container
	row    *fyne.Container
	obj    fyne.CanvasObject
}

const topBarHeight = 96

func newTopBar(k *Kiosk) *topBar {
	b := &topBar{k: k, langs: map[data.Lang]*touchButton{}}
	b.back = newTouchButton("", theme.NavigateBackIcon(), styleOnDark, k.Back)
	b.home = newTouchButton("", theme.HomeIcon(), styleOnDark, k.Home)
	b.title = canvas.NewText("", color.White)
	b.title.TextSize = 30
	b.title.TextStyle.Bold = true
	b.picker = container.NewHBox()
	b.setLanguages(k.opt.Languages)
	bg := canvas.NewLinearGradient(colorLacquer, colorBarBottom, 0)
	left := container.NewHBox(b.back, b.home)
	title := newTapTarget(b.title, k.titleTapped) // five taps open staff mode
	b.row = container.NewBorder(nil, nil, left, b.picker, container.NewHBox(layout.NewSpacer(), title, layout.NewSpacer()))
	b.obj = container.NewStack(bg, container.NewPadded(b.row))
	return b
}

func (b *topBar) object() fyne.CanvasObject { return b.obj }

// setLanguages shows a button for each language offered, in its own script.
func (b *topBar) setLanguages(langs []data.Lang) {
	b.langs = map[data.Lang]*touchButton{}
	b.picker.Objects = nil
	for _, l := range langs {
		lang := l
		btn := newTouchButton(languageNames[l], nil, styleOnDark, func() { b.k.SetLanguage(lang) })
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
// its place even on Home (where it does nothing), so the bar never jumps.
func (b *topBar) update(r Route, canGoBack bool) {
	k := b.k
	b.back.text, b.home.text = k.t("nav.back"), k.t("nav.home")
	b.back.selected = false
	b.back.Refresh()
	b.home.Refresh()
	b.title.Text = k.title(r)
	b.title.Refresh()
	b.row.Refresh() // the title's width changed
	for l, btn := range b.langs {
		btn.setSelected(l == k.lang)
	}
}
