package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// homeScreen is where every visit starts: the three ways in (products,
// villages, experiences), search, and a few featured products.
type homeScreen struct {
	e *env
}

func newHomeScreen(e *env) *homeScreen { return &homeScreen{e: e} }

func (s *homeScreen) object() fyne.CanvasObject {
	e := s.e
	tagline := heading(e.t("home.tagline"))
	entries := container.NewGridWithColumns(3,
		s.entry("home.products", "home.products_hint", s.productPhoto(), Route{Screen: ScreenProducts}),
		s.entry("home.villages", "home.villages_hint", s.villagePhoto(), Route{Screen: ScreenVillages}),
		s.entry("home.tours", "home.tours_hint", s.tourPhoto(), Route{Screen: ScreenTours}),
	)
	content := container.NewVBox(tagline, s.searchBox(), entries)
	featured, err := e.cat.ListProducts(e.ctx, data.ProductFilter{Featured: true, Limit: 5})
	if err == nil && len(featured.Products) > 0 {
		content.Add(sectionTitle(e.t("home.featured")))
		content.Add(e.productRow(featured.Products))
	}
	return e.dragScroll(container.NewPadded(container.NewPadded(content)))
}

// entry is one of the three large ways in.
func (s *homeScreen) entry(titleID, hintID string, photo data.Image, to Route) fyne.CanvasObject {
	e := s.e
	pv := newPhotoView(e.photos, media.Thumb, fyne.NewSize(200, 250))
	pv.show(photo)
	title := subheading(e.t(titleID))
	title.Importance = widget.HighImportance
	return newTapCard(container.NewVBox(pv, title, caption(e.t(hintID))), func() { e.open(to) })
}

// searchBox looks like a search field; touching it opens the search screen
// with its on-screen keyboard (a kiosk has no other keyboard).
func (s *homeScreen) searchBox() fyne.CanvasObject {
	e := s.e
	hint := body(e.t("search.placeholder"))
	hint.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, icon(theme.SearchIcon(), 40), nil, hint)
	return newTapCard(row, func() { e.open(Route{Screen: ScreenSearch}) })
}

func (s *homeScreen) productPhoto() data.Image {
	page, err := s.e.cat.ListProducts(s.e.ctx, data.ProductFilter{Featured: true, Limit: 1})
	if err != nil || len(page.Products) == 0 || len(page.Products[0].Images) == 0 {
		return data.Image{}
	}
	return page.Products[0].Images[0]
}

func (s *homeScreen) villagePhoto() data.Image {
	vs := s.e.villages()
	if len(vs) == 0 {
		return data.Image{}
	}
	return vs[0].Cover
}

func (s *homeScreen) tourPhoto() data.Image {
	// The tours of the first villages: reading every tour of a national
	// catalogue for one photo would slow Home down.
	for _, v := range s.e.villages()[:min(5, len(s.e.villages()))] {
		if ts, err := s.e.cat.Tours(s.e.ctx, v.ID); err == nil && len(ts) > 0 && len(ts[0].Images) > 0 {
			return ts[0].Images[0]
		}
	}
	return data.Image{}
}
