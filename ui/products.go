package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// defaultFilter is the products list as a new visitor finds it: everything.
func defaultFilter() data.ProductFilter { return data.ProductFilter{} }

// productsScreen is the filterable grid of products. The grid is
// virtualised: it builds only the tiles on screen and loads products a page
// at a time, so 20,000 products cost no more than 60.
type productsScreen struct {
	e     *env
	total int
	pages map[int][]data.Product // page number → products, for the current filter
	grid  *widget.GridWrap
	count *widget.Label
	rows  []filterRow // the filter panel's rows
	cols  int         // choices side by side in a row of the panel
	panel *widget.List
	empty fyne.CanvasObject
}

// filterChip is one choice in the filter panel.
type filterChip struct {
	label string
	set   func(f *data.ProductFilter) // applies the choice (toggling it off when on)
	on    func(f data.ProductFilter) bool
}

const productsPageSize = 60

// filterPanelWidth leaves four product tiles across a 1920-pixel screen;
// on a small screen the panel is narrower, for three.
const (
	filterPanelWidth      = 440
	smallFilterPanelWidth = 330
)

func newProductsScreen(e *env) *productsScreen {
	return &productsScreen{e: e, pages: map[int][]data.Product{}}
}

func (s *productsScreen) object() fyne.CanvasObject {
	e := s.e
	s.count = subheading("")
	s.empty = container.NewCenter(subheading(e.t("products.none")))
	s.panel = s.filterPanel()
	panel := e.withDrag(s.panel, listAdapter{s.panel})
	e.leaving(func() { e.session.filterScroll = s.panel.GetScrollOffset() })
	e.whenShown(func() {
		if y := e.session.filterScroll; y > 0 {
			s.panel.ScrollToOffset(y)
		}
	})
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		// Beside the grid in landscape; over it, a third of the height,
		// in portrait.
		panelW := float32(filterPanelWidth)
		if sh == shapeSmall {
			panelW = smallFilterPanelWidth
		}
		gridW := size.Width - panelW - 2*theme.Padding()
		if sh.stacked() {
			gridW = size.Width - 2*theme.Padding()
		}
		right := container.NewBorder(container.NewPadded(s.count), nil, nil, nil,
			container.NewStack(s.newGrid(gridTileWidth(gridW, minProductTile), tilePhotoRatio(sh)), s.empty))
		if sh.stacked() {
			// Across the screen, choices side by side: one a row showed
			// five groups in the third of a portrait screen, and nothing
			// said stars and villages were further down.
			s.setColumns(max(1, int(gridW/filterChoiceWidth)))
			top := container.NewStack(fixedSize(fyne.NewSize(1, max(200, size.Height*0.3))), panel)
			return container.NewBorder(container.NewPadded(top), nil, nil, nil, container.NewPadded(right))
		}
		s.setColumns(1)
		return container.NewBorder(nil, nil, container.NewStack(fixedWidth(panelW), panel), nil, container.NewPadded(right))
	})
}

// newGrid makes the grid of products with tiles width wide, their photos
// ratio times as high.
func (s *productsScreen) newGrid(width, ratio float32) fyne.CanvasObject {
	e := s.e
	offset := float32(0)
	if s.grid != nil {
		offset = s.grid.GetScrollOffset() // the same place, in the new columns
	}
	var grid fyne.CanvasObject
	s.grid, grid = e.tileGrid(s.length, func() (fyne.CanvasObject, func(int)) {
		t := newProductTile(e, width, ratio)
		return t.object(), func(i int) {
			if p, ok := s.product(i); ok {
				t.bind(p)
			}
		}
	})
	s.reload()
	if offset > 0 {
		s.grid.ScrollToOffset(offset)
	}
	return grid
}

// filterRow is one row of the filter panel: a title, or choices.
type filterRow struct {
	title string
	chips []*filterChip
	cols  int // columns of the row's grid; 0 for one per choice
}

// filterChoiceWidth is the least width of a choice in the filter panel
// when choices share a row (a portrait screen).
const filterChoiceWidth = 330

// filterPanel holds the choices: OCOP group, stars, village, and a way to
// clear them all. It is a virtualised list, since a national catalogue has
// thousands of villages to choose from.
func (s *productsScreen) filterPanel() *widget.List {
	s.cols = 1
	s.rows = s.filterRows(1)
	list := widget.NewList(func() int { return len(s.rows) },
		func() fyne.CanvasObject { return container.NewStack() },
		func(i widget.ListItemID, obj fyne.CanvasObject) { s.fillRow(s.rows[i], obj.(*fyne.Container)) })
	s.setRowHeights(list)
	return list
}

// setColumns puts cols choices of a group or a village in a row.
func (s *productsScreen) setColumns(cols int) {
	if cols == s.cols {
		return
	}
	s.cols = cols
	s.rows = s.filterRows(cols)
	s.setRowHeights(s.panel)
	s.panel.Refresh()
}

// filterRows are the panel's rows with cols groups or villages a row.
func (s *productsScreen) filterRows(cols int) []filterRow {
	e := s.e
	clearAll := &filterChip{label: e.t("filter.clear"), set: func(f *data.ProductFilter) { *f = defaultFilter() },
		on: func(f data.ProductFilter) bool { return false }}
	rows := []filterRow{{chips: []*filterChip{clearAll}}, {title: e.t("filter.group")}}
	var groups []*filterChip
	for g := data.Group(1); g <= 6; g++ {
		group := g
		groups = append(groups, &filterChip{label: fmt.Sprintf("%s · %s", g, e.t(fmt.Sprintf("group.%d", g))),
			set: func(f *data.ProductFilter) { f.Group = toggle(f.Group, group) },
			on:  func(f data.ProductFilter) bool { return f.Group == group }})
	}
	rows = append(rows, inRows(groups, cols)...)
	rows = append(rows, filterRow{title: e.t("filter.stars")})
	var stars []*filterChip
	for n := 3; n <= 5; n++ {
		count := n
		stars = append(stars, &filterChip{label: fmt.Sprintf("%d ★", n),
			set: func(f *data.ProductFilter) { f.Stars = toggle(f.Stars, count) },
			on:  func(f data.ProductFilter) bool { return f.Stars == count }})
	}
	rows = append(rows, filterRow{chips: stars}, filterRow{title: e.t("filter.village")})
	var villages []*filterChip
	for _, v := range e.villages() {
		id := v.ID
		villages = append(villages, &filterChip{label: v.Name.In(e.lang),
			set: func(f *data.ProductFilter) { f.VillageID = toggle(f.VillageID, id) },
			on:  func(f data.ProductFilter) bool { return f.VillageID == id }})
	}
	return append(rows, inRows(villages, cols)...)
}

// inRows puts choices cols to a row; the last row's are as wide as the
// others'.
func inRows(chips []*filterChip, cols int) []filterRow {
	var rows []filterRow
	for len(chips) > 0 {
		n := min(cols, len(chips))
		rows = append(rows, filterRow{chips: chips[:n:n], cols: cols})
		chips = chips[n:]
	}
	return rows
}

// setRowHeights makes the list's rows as high as their words.
func (s *productsScreen) setRowHeights(list *widget.List) {
	rows := s.rows
	// Rows as high as their words: a title may take two lines in large
	// text in the narrower panel. Titles are at reading size, bold and
	// coloured: at a heading's size "Nhóm sản phẩm" took two lines of the
	// small panel in large text, a screen's fifth.
	titleSize := theme.TextSize()
	line := fyne.MeasureText("Ág", titleSize, fyne.TextStyle{Bold: true}).Height
	chipH := max(float32(minTouch), fyne.MeasureText("Ág", theme.TextSize(), fyne.TextStyle{Bold: true}).Height+24)
	for i, r := range rows {
		if r.title != "" {
			w := fyne.MeasureText(r.title, titleSize, fyne.TextStyle{Bold: true}).Width
			lines := int(w/(smallFilterPanelWidth-4*theme.Padding())) + 1
			list.SetItemHeight(i, float32(lines)*line+2*theme.InnerPadding())
		} else {
			list.SetItemHeight(i, chipH+4)
		}
	}
}

// fillRow puts a row's title or choices into a reused list cell.
func (s *productsScreen) fillRow(r filterRow, cell *fyne.Container) {
	if r.title != "" {
		cell.Objects = []fyne.CanvasObject{filterTitle(r.title)}
		cell.Refresh()
		return
	}
	line := container.NewGridWithColumns(max(r.cols, len(r.chips)))
	for _, c := range r.chips {
		chip := c
		style := styleChip
		isClear := chip.label == s.e.t("filter.clear")
		if isClear && s.e.session.filter != defaultFilter() {
			style = stylePrimary // a way back to everything, now that something is filtered
		}
		b := newTouchButton(chip.label, nil, style, func() {
			s.e.touch()
			chip.set(&s.e.session.filter)
			s.reload()
		})
		b.setSelected(chip.on(s.e.session.filter))
		line.Add(b)
	}
	// The choices' right borders were hidden under the scroll bar.
	cell.Objects = []fyne.CanvasObject{clearOfScrollBar(line)}
	cell.Refresh()
}

// filterTitle names a group of filter choices (group, stars, village).
func filterTitle(s string) *widget.Label {
	l := body(s)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	return l
}

// fixedWidth is an empty object that gives a column its width.
func fixedWidth(w float32) fyne.CanvasObject { return fixedSize(fyne.NewSize(w, 1)) }

// clearOfScrollBar keeps a list row's right edge out from under the list's
// scroll bar, which Fyne draws over the row.
func clearOfScrollBar(row fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, fixedWidth(scrollbarRoom), row)
}

// fixedSize is an empty object that gives a part its size.
func fixedSize(size fyne.Size) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(size)
	return r
}

func toggle[T comparable](current, choice T) T {
	var zero T
	if current == choice {
		return zero
	}
	return choice
}

// reload counts the products that match the filter and redraws the grid
// from the top.
func (s *productsScreen) reload() {
	e := s.e
	clear(s.pages)
	f := e.session.filter
	f.Limit = 1
	page, err := e.cat.ListProducts(e.ctx, f)
	if err != nil {
		fyne.LogError("count products", err)
	}
	s.total = page.Total
	s.count.SetText(e.n("products.count", s.total))
	if s.panel != nil {
		s.panel.Refresh() // the chips show the new choices
	}
	if s.total == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	if s.grid != nil {
		s.grid.Refresh()
		s.grid.ScrollToTop()
	}
}

func (s *productsScreen) length() int { return s.total }

// product finds the id'th product of the filtered list, loading its page
// when it is not loaded yet. Only a few pages are kept.
func (s *productsScreen) product(i int) (data.Product, bool) {
	n := i / productsPageSize
	page, ok := s.pages[n]
	if !ok {
		f := s.e.session.filter
		f.Offset, f.Limit = n*productsPageSize, productsPageSize
		res, err := s.e.cat.ListProducts(s.e.ctx, f)
		if err != nil {
			fyne.LogError("list products", err)
			return data.Product{}, false
		}
		if len(s.pages) >= 8 {
			clear(s.pages)
		}
		page = res.Products
		s.pages[n] = page
	}
	if j := i - n*productsPageSize; j < len(page) {
		return page[j], true
	}
	return data.Product{}, false
}
