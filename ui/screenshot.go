package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// Screenshot renders one screen headlessly with Fyne's software painter,
// photos included, at the given size: for the README's pictures, golden
// tests and staff who want to see a screen without a kiosk.
func Screenshot(cat Catalog, msg *i18n.Messages, opt Options, r Route, lang data.Lang, size fyne.Size) image.Image {
	// Off the main goroutine: Fyne's test driver then runs its calls at
	// once instead of handing them to another goroutine.
	shot := make(chan image.Image)
	go func() { shot <- screenshot(cat, msg, opt, r, lang, size) }()
	return <-shot
}

func screenshot(cat Catalog, msg *i18n.Messages, opt Options, r Route, lang data.Lang, size fyne.Size) image.Image {
	app := test.NewApp()
	defer test.NewApp() // leave a fresh app behind, not ours
	app.Settings().SetTheme(Theme())
	opt.SyncPhotos = true
	k := New(cat, msg, opt)
	w := test.NewWindow(k.Root())
	defer w.Close()
	w.SetPadded(false)
	w.Resize(size)
	k.lang = lang
	k.ShowRoute(r)
	return w.Canvas().Capture()
}

// ShowRoute shows a screen (or the attract loop) directly, as if the
// visitor had gone there from Home.
func (k *Kiosk) ShowRoute(r Route) {
	switch r.Screen {
	case ScreenAttract:
		k.Reset()
		k.startAttract()
		return
	case ScreenHome:
		k.Home()
		return
	case ScreenSearch:
		k.session.searchText = r.ID
		r.ID = ""
	}
	k.history = []Route{{Screen: ScreenHome}, r}
	k.show()
}
