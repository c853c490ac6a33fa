package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/input"
	"ocopkiosk/data/media"
)

// maxSearchRunes bounds what a visitor can type.
const maxSearchRunes = 60

// searchPage is how many results are read at a time as the list scrolls.
const searchPage = 20

// searchScreen has the query and the visitor's own keyboard on one side and
// every result, in a virtualised list, on the other (one above the other
// on a portrait screen). The query is the kiosk's one search text
// (the session's searchText): the home screen's box shows the same.
type searchScreen struct {
	e      *env
	editor *input.Editor
	field  *canvas.Text
	count  *storyText // how many results, or none: new words at every key
	kb     *searchKeyboard

	list        *widget.List
	results     fyne.CanvasObject // the list, or the hint when there is nothing to list
	idle        *fyne.Container   // hint, examples and featured products, shown instead of the list
	idleContent fyne.CanvasObject // what idle shows, made on first need
	candidates  *fyne.Container   // names as a Chinese visitor types pinyin

	query string // the query the list shows
	total int
	hits  []data.SearchHit                 // the results read so far, in rank order
	rows  map[fyne.CanvasObject]*resultRow // the list's rows by their cards
}

func newSearchScreen(e *env) *searchScreen { return &searchScreen{e: e} }

func (s *searchScreen) object() fyne.CanvasObject {
	e := s.e
	s.editor = input.NewEditor(nil, maxSearchRunes)
	s.editor.SetText(e.session.searchText)
	s.field = coloured("", colorInk, 40, true)
	fieldBg := canvas.NewRectangle(colorCard)
	fieldBg.CornerRadius = 14
	fieldBg.StrokeColor, fieldBg.StrokeWidth = colorLacquer, 3
	field := container.NewStack(fieldBg, container.NewPadded(container.NewBorder(nil, nil,
		icon(theme.SearchIcon(), 44), nil, s.field)))
	s.kb = newSearchKeyboard(e, s.editor, s.update)
	s.candidates = container.New(fitRowLayout{})
	var candidates fyne.CanvasObject = s.candidates
	if e.lang == data.ZH {
		// The row's room is kept while it is empty: appearing with the
		// first letter, it pushed the keys down under the finger.
		candidates = container.NewStack(fixedSize(fyne.NewSize(1, minTouch)), s.candidates)
	}
	top := container.NewVBox(field, captionText(e.t("search.hint")), candidates)
	keys := container.NewBorder(top, nil, nil, nil, s.kb.object())

	s.count = newWrappedText("", fyne.TextStyle{Bold: true}, theme.Size(theme.SizeNameSubHeadingText), false)
	s.list = widget.NewList(func() int { return s.total }, s.newRow, s.bindRow)
	s.idle = container.NewStack()
	list := e.withDrag(s.list, listAdapter{s.list})
	s.results = container.NewStack(list, s.idle)
	right := container.NewBorder(s.count, nil, nil, nil, s.results)
	s.update()
	return container.New(&searchLayout{kb: s.kb.box.Layout.(*keyRowsLayout), rows: s.kb.tallestRows(), units: s.kb.widestUnits()},
		container.NewPadded(keys), container.NewPadded(right))
}

// update shows the text and searches for it.
func (s *searchScreen) update() {
	e := s.e
	e.session.searchText = s.editor.Text()
	s.field.Text = s.editor.Text() + "|"
	s.field.Refresh()
	query := strings.TrimSpace(s.editor.Query())
	s.query, s.total, s.hits = query, 0, nil
	if query != "" {
		s.search(query)
		if s.total == 0 && strings.TrimSpace(s.editor.Raw()) != query {
			// "luaj" read as lụa, or "tea" as てあ, finds nothing: the
			// visitor may have meant the letters as typed.
			s.search(strings.TrimSpace(s.editor.Raw()))
		}
	}
	e.noteSearch(s.query, s.total)
	switch {
	case query == "":
		s.count.setText("")
	case s.total == 0:
		s.count.setText(e.t("search.none", "Query", query))
	default:
		s.count.setText(e.n("search.results", s.total))
	}
	s.showIdle(query == "" || s.total == 0)
	s.showCandidates()
	s.list.Refresh()
	s.list.ScrollToTop()
}

func (s *searchScreen) search(query string) {
	e := s.e
	res, err := e.cat.Find(e.ctx, data.SearchQuery{Text: query, Lang: e.lang, Limit: searchPage})
	if err != nil {
		fyne.LogError("search", err)
	}
	s.query, s.total, s.hits = query, res.Total, res.Hits
}

// hit returns result i, reading the next page when the list reaches it.
func (s *searchScreen) hit(i int) (data.SearchHit, bool) {
	for i >= len(s.hits) && len(s.hits) < s.total {
		e := s.e
		res, err := e.cat.Find(e.ctx, data.SearchQuery{Text: s.query, Lang: e.lang, Offset: len(s.hits), Limit: searchPage})
		if err != nil || len(res.Hits) == 0 {
			fyne.LogError("search page", err)
			return data.SearchHit{}, false
		}
		s.hits = append(s.hits, res.Hits...)
	}
	if i >= len(s.hits) {
		return data.SearchHit{}, false
	}
	return s.hits[i], true
}

// searchExamples are queries shown to start from, in each language's way of typing.
var searchExamples = map[data.Lang][]string{
	data.VI: {"bát tràng", "lụa", "gốm sứ", "sơn mài"},
	data.EN: {"silk", "pottery", "lacquer", "tea"},
	data.KO: {"도자기", "비단", "옻칠", "자개"},
	data.ZH: {"taoci", "sichou", "qiqi", "cha"},
	data.JA: {"とうき", "きぬ", "しっき", "おちゃ"},
}

// showIdle puts the hint and a few example queries where the list would
// be, so an empty query or no result never leaves half the screen blank.
func (s *searchScreen) showIdle(on bool) {
	s.idle.Objects = nil
	if on {
		if s.idleContent == nil {
			s.idleContent = s.newIdleContent()
		}
		s.idle.Add(s.idleContent)
	}
	s.idle.Refresh()
	s.list.Hidden = on // update refreshes the list
}

// newIdleContent is the hint, the example queries and the featured products,
// made once per screen: showIdle runs at every key, and the featured
// products are a query and a row of photos.
func (s *searchScreen) newIdleContent() fyne.CanvasObject {
	e := s.e
	row := container.NewGridWithColumns(2)
	for _, ex := range searchExamples[e.lang] {
		row.Add(newTouchButton(ex, theme.SearchIcon(), stylePlain, func() {
			e.touch()
			s.editor.SetText(ex)
			s.update()
		}))
	}
	top := container.NewVBox(bodyText(e.t("search.try")), row, sectionTitle(e.t("home.featured")))
	return container.NewBorder(top, nil, nil, nil, s.featured())
}

// featured is the featured products, as on Home, for the room under the
// examples: on a portrait screen it was an empty third of the glass.
func (s *searchScreen) featured() fyne.CanvasObject {
	e := s.e
	page, err := e.cat.ListProducts(e.ctx, data.ProductFilter{Featured: true, Limit: 12})
	if err != nil || len(page.Products) == 0 {
		return container.NewStack()
	}
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		inner := size.Width - 2*theme.Padding() - scrollbarRoom
		return e.dragScrollOf(e.productRow(page.Products, inner, 4, tilePhotoRatio(sh)), false)
	})
}

// showCandidates offers Chinese visitors the names their pinyin finds, in
// characters, as an input method does.
func (s *searchScreen) showCandidates() {
	s.candidates.Objects = nil
	if s.e.lang == data.ZH {
		for _, h := range s.hits[:min(4, len(s.hits))] {
			route := Route{Screen: string(h.Kind), ID: h.ID}
			b := newTouchButton(fitText(h.Name.In(data.ZH), 24, false, 220), nil, stylePlain, func() { s.e.open(route) })
			b.textSize = 24
			s.candidates.Add(b)
		}
	}
	s.candidates.Refresh()
}

// resultRow is one result: a thumbnail, the item's kind in colour, its name.
type resultRow struct {
	photo *photoView
	kind  *canvas.Text
	// name is cut to its width by fitLine: a label's ellipsis shapes the
	// text again at every bind, which cost a key up to 80 ms (BENCHMARKS.md).
	name  *fitLine
	route Route
}

var resultPhotoSize = fyne.NewSize(120, 90)

func (s *searchScreen) newRow() fyne.CanvasObject {
	r := &resultRow{photo: newPhotoView(s.e.photos, media.Thumb, resultPhotoSize),
		kind: coloured("", colorLacquer, 20, true), name: newFitLine(coloured("", colorInk, theme.TextSize()/textScale, true))}
	card := newTapCard(container.NewBorder(nil, nil, r.photo, nil, container.NewVBox(r.kind, r.name)), func() {
		if r.route.ID != "" {
			s.e.open(r.route)
		}
	})
	row := clearOfScrollBar(card)
	if s.rows == nil {
		s.rows = map[fyne.CanvasObject]*resultRow{}
	}
	s.rows[row] = r
	return row
}

func (s *searchScreen) bindRow(i widget.ListItemID, o fyne.CanvasObject) {
	r := s.rows[o]
	h, ok := s.hit(i)
	if r == nil || !ok {
		return
	}
	e := s.e
	r.route = Route{Screen: string(h.Kind), ID: h.ID}
	r.photo.show(h.Image)
	r.kind.Text, r.kind.Color = e.t("kind."+string(h.Kind)), kindColor(h.Kind)
	r.kind.Refresh()
	r.name.set(h.Name.In(e.lang))
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

// searchLayout puts the keyboard beside the results on a landscape screen
// and under them on a portrait one, giving the keyboard the room its keys
// want and the results the rest.
type searchLayout struct {
	kb    *keyRowsLayout
	rows  int     // the keyboard's most rows over its pages (see tallestRows)
	units float32 // and its widest row, in keys (see widestUnits)
}

// searchFieldHeight is the room above the keys: the field, the hint and
// the candidates row.
const searchFieldHeight = 260

func (l *searchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	keys, results := objs[0], objs[1]
	if size.Height > size.Width {
		h := min(float32(l.rows)*keyMaxHeight+searchFieldHeight, size.Height*0.55)
		results.Move(fyne.NewPos(0, 0))
		results.Resize(fyne.NewSize(size.Width, size.Height-h))
		keys.Move(fyne.NewPos(0, size.Height-h))
		keys.Resize(fyne.NewSize(size.Width, h))
		return
	}
	w := min(l.units*keyMaxWidth+40, size.Width*0.58)
	keys.Move(fyne.NewPos(0, 0))
	keys.Resize(fyne.NewSize(w, size.Height))
	results.Move(fyne.NewPos(w, 0))
	results.Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (l *searchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), max(a.Height, b.Height))
}
