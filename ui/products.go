package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// defaultFilter is the products list as a new visitor finds it: everything.
func defaultFilter() data.ProductFilter { return data.ProductFilter{} }

// productsScreen is the filterable grid of products. The grid is
// virtualised: it builds only the tiles on screen and loads products a page
// at a time, so 20,000 products cost no more than 60.
type productsScreen struct {
	k     *Kiosk
	total int
	pages map[int][]data.Product // page number → products, for the current filter
	tiles map[fyne.CanvasObject]*productTile
	grid  *widget.GridWrap
	count *widget.Label
	chips []*filterChip
	clear *touchButton
	empty fyne.CanvasObject
}

// filterChip is one choice in the filter panel.
type filterChip struct {
	btn *touchButton
	set func(f *data.ProductFilter) // applies the choice (toggling it off when on)
	on  func(f data.ProductFilter) bool
}

const productsPageSize = 60

// filterPanelWidth leaves four product tiles across a 1920-pixel screen.
const filterPanelWidth = 440

func newProductsScreen(k *Kiosk) *productsScreen {
	return &productsScreen{k: k, pages: map[int][]data.Product{}, tiles: map[fyne.CanvasObject]*productTile{}}
}

func (s *productsScreen) object() fyne.CanvasObject {
	k := s.k
	s.count = subheading("")
	s.grid = widget.NewGridWrap(s.length, s.createTile, s.updateTile)
	s.empty = container.NewCenter(subheading(k.t("products.none")))
	s.clear = newTouchButton(k.t("filter.clear"), nil, stylePrimary, s.onClear)
	panel := k.dragScrollFixed(container.NewPadded(s.filterPanel()), filterPanelWidth)
	right := container.NewBorder(container.NewPadded(s.count), nil, nil, nil,
		container.NewStack(k.withDrag(s.grid, gridAdapter{s.grid}), s.empty))
	s.reload()
	return container.NewBorder(nil, nil, panel, nil, right)
}

// filterPanel holds the choices: OCOP group, stars, village, and a way to
// clear them all.
func (s *productsScreen) filterPanel() fyne.CanvasObject {
	k := s.k
	box := container.NewVBox(s.clear)
	box.Add(sectionTitle(k.t("filter.group")))
	for g := data.Group(1); g <= 6; g++ {
		group := g
		s.addChip(box, fmt.Sprintf("%s · %s", g, k.t(fmt.Sprintf("group.%d", g))),
			func(f *data.ProductFilter) { f.Group = toggle(f.Group, group) },
			func(f data.ProductFilter) bool { return f.Group == group })
	}
	box.Add(sectionTitle(k.t("filter.stars")))
	stars := container.NewGridWithColumns(3)
	for n := 3; n <= 5; n++ {
		count := n
		s.addChip(stars, fmt.Sprintf("%d ★", n),
			func(f *data.ProductFilter) { f.Stars = toggle(f.Stars, count) },
			func(f data.ProductFilter) bool { return f.Stars == count })
	}
	box.Add(stars)
	box.Add(sectionTitle(k.t("filter.village")))
	if vs, err := k.cat.Villages(k.ctx); err == nil {
		for _, v := range vs {
			id := v.ID
			s.addChip(box, v.Name.In(k.lang),
				func(f *data.ProductFilter) { f.VillageID = toggle(f.VillageID, id) },
				func(f data.ProductFilter) bool { return f.VillageID == id })
		}
	}
	return box
}

func toggle[T comparable](current, choice T) T {
	var zero T
	if current == choice {
		return zero
	}
	return choice
}

func (s *productsScreen) addChip(box *fyne.Container, label string, set func(*data.ProductFilter), on func(data.ProductFilter) bool) {
	chip := &filterChip{set: set, on: on}
	chip.btn = newTouchButton(label, nil, styleChip, func() {
		s.k.Touch()
		set(&s.k.filter)
		s.reload()
	})
	s.chips = append(s.chips, chip)
	box.Add(chip.btn)
}

func (s *productsScreen) onClear() {
	s.k.Touch()
	s.k.filter = defaultFilter()
	s.reload()
}

// reload counts the products that match the filter and redraws the grid
// from the top.
func (s *productsScreen) reload() {
	k := s.k
	clear(s.pages)
	f := k.filter
	f.Limit = 1
	page, err := k.cat.ListProducts(k.ctx, f)
	if err != nil {
		fyne.LogError("count products", err)
	}
	s.total = page.Total
	s.count.SetText(k.n("products.count", s.total))
	for _, c := range s.chips {
		c.btn.setSelected(c.on(k.filter))
	}
	if k.filter == defaultFilter() {
		s.clear.Hide()
	} else {
		s.clear.Show()
	}
	if s.total == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
	s.grid.Refresh()
	s.grid.ScrollToTop()
}

func (s *productsScreen) length() int { return s.total }

func (s *productsScreen) createTile() fyne.CanvasObject {
	t := newProductTile(s.k)
	obj := t.object()
	s.tiles[obj] = t
	return obj
}

func (s *productsScreen) updateTile(id widget.GridWrapItemID, obj fyne.CanvasObject) {
	t := s.tiles[obj]
	if p, ok := s.product(id); ok && t != nil {
		t.bind(p)
	}
}

// product finds the id'th product of the filtered list, loading its page
// when it is not loaded yet. Only a few pages are kept.
func (s *productsScreen) product(i int) (data.Product, bool) {
	n := i / productsPageSize
	page, ok := s.pages[n]
	if !ok {
		f := s.k.filter
		f.Offset, f.Limit = n*productsPageSize, productsPageSize
		res, err := s.k.cat.ListProducts(s.k.ctx, f)
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
