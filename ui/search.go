package ui

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// maxSearchRunes bounds what a visitor can type.
const maxSearchRunes = 60

// searchScreen has the on-screen keyboard on the left and the results on
// the right, updated with every key.
type searchScreen struct {
	e       *env
	field   *canvas.Text
	count   *widget.Label
	results *fyne.Container
}

func newSearchScreen(e *env) *searchScreen { return &searchScreen{e: e} }

func (s *searchScreen) object() fyne.CanvasObject {
	e := s.e
	s.field = coloured("", colorInk, 40, true)
	fieldBg := canvas.NewRectangle(colorCard)
	fieldBg.CornerRadius = 14
	fieldBg.StrokeColor, fieldBg.StrokeWidth = colorLacquer, 3
	field := container.NewStack(fieldBg, container.NewPadded(container.NewBorder(nil, nil,
		icon(theme.SearchIcon(), 44), nil, s.field)))
	hint := caption(e.t("search.hint"))
	kb := &onScreenKeyboard{touch: e.touch, t: e.t, onRune: s.typeRune, onDelete: s.deleteRune, onClear: s.clearText}
	keys := kb.object()
	s.count = subheading("")
	s.results = container.NewVBox()
	results := e.dragScroll(s.results)
	s.update()
	// Keyboard beside the results in landscape (a small screen has not the
	// height for both); in portrait the field on top, the results under it,
	// and the keyboard at the bottom, in reach.
	return newAdaptive(0, func(sh shape, size fyne.Size) fyne.CanvasObject {
		tip := fyne.CanvasObject(hint)
		if size.Height < 900 {
			tip = container.NewVBox() // no room for the tip on a small screen
		}
		if !sh.stacked() {
			left := container.NewVBox(container.NewStack(fixedSize(fyne.NewSize(1000, 80)), field), tip, keys)
			right := container.NewBorder(s.count, nil, nil, nil, results)
			return container.NewBorder(nil, nil, container.NewPadded(left), nil, container.NewPadded(right))
		}
		top := container.NewVBox(field, tip)
		list := container.NewBorder(s.count, nil, nil, nil, results)
		return container.NewPadded(container.NewBorder(top, container.NewCenter(keys), nil, nil, list))
	})
}

func (s *searchScreen) typeRune(r rune) {
	e := s.e
	if utf8.RuneCountInString(e.session.searchText) >= maxSearchRunes || (r == ' ' && (e.session.searchText == "" || strings.HasSuffix(e.session.searchText, " "))) {
		return
	}
	e.session.searchText += string(r)
	s.update()
}

func (s *searchScreen) deleteRune() {
	e := s.e
	if e.session.searchText != "" {
		_, size := utf8.DecodeLastRuneInString(e.session.searchText)
		e.session.searchText = e.session.searchText[:len(e.session.searchText)-size]
	}
	s.update()
}

func (s *searchScreen) clearText() {
	s.e.session.searchText = ""
	s.update()
}

// update shows the text and searches for it.
func (s *searchScreen) update() {
	e := s.e
	s.field.Text = e.session.searchText + "|"
	s.field.Refresh()
	s.results.Objects = nil
	query := strings.TrimSpace(e.session.searchText)
	if query == "" {
		e.noteSearch("", 0)
		s.count.SetText("")
		s.results.Refresh()
		return
	}
	hits, err := e.cat.Search(e.ctx, query, 40)
	if err != nil {
		fyne.LogError("search", err)
	}
	e.noteSearch(query, len(hits))
	if len(hits) == 0 {
		s.count.SetText(e.t("search.none", "Query", query))
	} else {
		s.count.SetText(e.n("search.results", len(hits)))
	}
	for _, h := range hits {
		s.results.Add(s.hitRow(h))
	}
	s.results.Refresh()
}

// hitRow is one result: its kind, in colour, and its name.
func (s *searchScreen) hitRow(h data.SearchHit) fyne.CanvasObject {
	e := s.e
	kind := coloured(e.t("kind."+string(h.Kind)), kindColor(h.Kind), 20, true)
	name := body(h.Name.In(e.lang))
	name.TextStyle.Bold = true
	route := Route{Screen: string(h.Kind), ID: h.ID}
	return newTapCard(container.NewVBox(kind, name), func() { e.open(route) })
}

func kindColor(kind data.Kind) color.Color {
	switch kind {
	case data.KindVillage:
		return colorGold
	case data.KindTour:
		return colorValid
	}
	return colorLacquer
}
