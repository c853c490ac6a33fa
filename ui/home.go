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
	featured, err := e.cat.ListProducts(e.ctx, data.ProductFilter{Featured: true, Limit: 12})
	if err != nil {
		fyne.LogError("featured products", err)
	}
	photos := s.entryPhotos(featured.Products)
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		e.mainScroll = nil
		photoH := float32(200)
		rows := 1
		switch {
		case sh.stacked():
			photoH, rows = 250, 2
		case sh == shapeSmall:
			photoH = 130 // the featured products start above the fold
		}
		entries := container.NewGridWithColumns(3,
			s.entry("home.products", "home.products_hint", photos[0], photoH, Route{Screen: ScreenProducts}),
			s.entry("home.villages", "home.villages_hint", photos[1], photoH, Route{Screen: ScreenVillages}),
			s.entry("home.tours", "home.tours_hint", photos[2], photoH, Route{Screen: ScreenTours}),
		)
		content := container.NewVBox(heading(e.t("home.tagline")), s.searchBox(), entries)
		if len(featured.Products) > 0 {
			inner := size.Width - 4*theme.Padding() - scrollbarRoom
			content.Add(sectionTitle(e.t("home.featured")))
			content.Add(e.productRow(featured.Products, inner, rows, tilePhotoRatio(sh)))
		}
		return e.dragScroll(container.NewPadded(container.NewPadded(content)))
	})
}

// entry is one of the three large ways in.
func (s *homeScreen) entry(titleID, hintID string, photo data.Image, photoH float32, to Route) fyne.CanvasObject {
	e := s.e
	pv := newPhotoView(e.photos, media.Thumb, fyne.NewSize(200, photoH))
	pv.show(photo)
	title := subheading(e.t(titleID))
	title.Importance = widget.HighImportance
	return newTapCard(container.NewVBox(pv, title, captionText(e.t(hintID))), func() { e.open(to) })
}

// searchBox looks like a search field; touching it opens the search screen
// with its on-screen keyboard (a kiosk has no other keyboard).
func (s *homeScreen) searchBox() fyne.CanvasObject {
	e := s.e
	hint := body(e.t("search.placeholder"))
	hint.Importance = widget.LowImportance
	if e.session.searchText != "" {
		// The search the visitor began: the box shows it, and touching it
		// goes on with it.
		hint = body(e.session.searchText)
		hint.TextStyle.Bold = true
	}
	row := container.NewBorder(nil, nil, icon(theme.SearchIcon(), 40), nil, hint)
	return newTapCard(row, func() { e.open(Route{Screen: ScreenSearch}) })
}

// entryPhotos are the pictures of the three ways in: a featured product,
// a village, an experience, each from a different village where the
// catalogue allows, so that Home does not show one craft three times.
func (s *homeScreen) entryPhotos(featured []data.Product) [3]data.Image {
	var photos [3]data.Image
	used := map[string]bool{}
	for _, p := range featured {
		if len(p.Images) > 0 {
			photos[0], used[p.VillageID] = p.Images[0], true
			break
		}
	}
	vs := s.e.villages()
	for _, v := range vs {
		if !used[v.ID] && v.Cover.Hash != "" {
			photos[1], used[v.ID] = v.Cover, true
			break
		}
	}
	// The tours of the first villages: reading every tour of a national
	// catalogue for one photo would slow Home down.
	for _, v := range vs[:min(8, len(vs))] {
		if used[v.ID] {
			continue
		}
		if ts, err := s.e.cat.Tours(s.e.ctx, v.ID); err == nil && len(ts) > 0 && len(ts[0].Images) > 0 {
			photos[2] = ts[0].Images[0]
			break
		}
	}
	return photos
}
