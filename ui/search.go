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
	k       *Kiosk
	field   *canvas.Text
	count   *widget.Label
	results *fyne.Container
}

func newSearchScreen(k *Kiosk) *searchScreen { return &searchScreen{k: k} }

func (s *searchScreen) object() fyne.CanvasObject {
	k := s.k
	s.field = coloured("", colorInk, 40, true)
	fieldBg := canvas.NewRectangle(colorCard)
	fieldBg.CornerRadius = 14
	fieldBg.StrokeColor, fieldBg.StrokeWidth = colorLacquer, 3
	field := container.NewStack(fieldBg, container.NewPadded(container.NewBorder(nil, nil,
		icon(theme.SearchIcon(), 44), nil, s.field)))
	hint := caption(k.t("search.hint"))
	kb := &onScreenKeyboard{k: k, onRune: s.typeRune, onDelete: s.deleteRune, onClear: s.clearText}
	left := container.NewVBox(container.NewGridWrap(fyne.NewSize(1000, 96), field), hint, kb.object())
	s.count = subheading("")
	s.results = container.NewVBox()
	right := container.NewBorder(s.count, nil, nil, nil, k.dragScroll(s.results))
	s.update()
	return container.NewBorder(nil, nil, container.NewPadded(left), nil, container.NewPadded(right))
}

func (s *searchScreen) typeRune(r rune) {
	k := s.k
	if utf8.RuneCountInString(k.searchText) >= maxSearchRunes || (r == ' ' && (k.searchText == "" || strings.HasSuffix(k.searchText, " "))) {
		return
	}
	k.searchText += string(r)
	s.update()
}

func (s *searchScreen) deleteRune() {
	k := s.k
	if k.searchText != "" {
		_, size := utf8.DecodeLastRuneInString(k.searchText)
		k.searchText = k.searchText[:len(k.searchText)-size]
	}
	s.update()
}

func (s *searchScreen) clearText() {
	s.k.searchText = ""
	s.update()
}

// update shows the text and searches for it.
func (s *searchScreen) update() {
	k := s.k
	s.field.Text = k.searchText + "|"
	s.field.Refresh()
	s.results.Objects = nil
	query := strings.TrimSpace(k.searchText)
	if query == "" {
		k.noteSearch("", 0)
		s.count.SetText("")
		s.results.Refresh()
		return
	}
	hits, err := k.cat.Search(k.ctx, query, 40)
	if err != nil {
		fyne.LogError("search", err)
	}
	k.noteSearch(query, len(hits))
	if len(hits) == 0 {
		s.count.SetText(k.t("search.none", "Query", query))
	} else {
		s.count.SetText(k.n("search.results", len(hits)))
	}
	for _, h := range hits {
		s.results.Add(s.hitRow(h))
	}
	s.results.Refresh()
}

// hitRow is one result: its kind, in colour, and its name.
func (s *searchScreen) hitRow(h data.SearchHit) fyne.CanvasObject {
	k := s.k
	kind := coloured(k.t("kind."+string(h.Kind)), kindColor(h.Kind), 20, true)
	name := body(h.Name.In(k.lang))
	name.TextStyle.Bold = true
	route := Route{Screen: string(h.Kind), ID: h.ID}
	return newTapCard(container.NewVBox(kind, name), func() { k.Open(route) })
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
