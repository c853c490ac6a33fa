package ui

import (
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// Shot says what to render: a screen, in a language, on a screen of a size
// in pixels at a scale (2 for a 4K screen showing what 1080p shows, larger),
// in normal or large text.
type Shot struct {
	Route Route
	Lang  data.Lang
	Size  fyne.Size // in pixels
	Scale float32   // 0 is 1
	Large bool      // large text and high contrast
}

// Screenshot renders one screen headlessly with Fyne's software painter,
// photos included: for the README's pictures, golden tests and staff who
// want to see a screen without a kiosk.
func Screenshot(cat Catalog, msg *i18n.Messages, opt Options, s Shot) image.Image {
	// Off the main goroutine: Fyne's test driver then runs its calls at
	// once instead of handing them to another goroutine.
	shot := make(chan image.Image)
	go func() { shot <- screenshot(cat, msg, opt, s) }()
	return <-shot
}

func screenshot(cat Catalog, msg *i18n.Messages, opt Options, s Shot) image.Image {
	app := test.NewApp()
	defer test.NewApp() // leave a fresh app behind, not ours
	app.Settings().SetTheme(Theme())
	opt.SyncPhotos = true
	k := New(cat, msg, opt)
	defer k.Reset() // the theme's text size and colours are the app's: leave them normal
	w := test.NewWindow(k.Root())
	defer w.Close()
	w.SetPadded(false)
	scale := s.Scale
	if scale <= 0 {
		scale = 1
	}
	w.Canvas().(test.WindowlessCanvas).SetScale(scale)
	w.Resize(fyne.NewSize(s.Size.Width/scale, s.Size.Height/scale))
	if s.Large {
		k.ToggleLargeText()
	}
	k.lang = s.Lang
	k.ShowRoute(s.Route)
	return w.Canvas().Capture()
}

// ShowRoute shows a screen (or the attract loop) directly, as if the
// visitor had gone there from Home.
func (k *Kiosk) ShowRoute(r Route) {
	k.hideOverlay()
	switch r.Screen {
	case ScreenAttract:
		k.endVisit()
		k.hideOverlay()
		k.history = []Route{{Screen: ScreenHome}}
		k.show()
		k.startAttract()
		return
	case ScreenStillThere:
		k.history = []Route{{Screen: ScreenHome}, {Screen: ScreenProducts}}
		k.show()
		k.idle.warning = newStillThere(k)
		k.setOverlay(k.idle.warning.object())
		k.idle.warning.update(int(k.opt.IdleCountdown / time.Second))
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
