package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// The screen sizes showrooms mount (4K at scale 2 lays out as 1920×1080).
var testShapes = []fyne.Size{
	fyne.NewSize(1920, 1080), fyne.NewSize(1080, 1920), fyne.NewSize(1366, 768), fyne.NewSize(1280, 800),
}

// TestLayoutEveryShape renders every screen at every size in every
// language, with normal and with large text, and checks that no text or
// control lies outside the window or over another, and that a product's
// name, price and QR code are on screen without scrolling.
func TestLayoutEveryShape(t *testing.T) {
	specs := []string{"home", "products", "product:bt-lotus-tea-set", "product:vp-silk-tie", "villages",
		"village:bat-trang", "tours", "tour:bt-tour-pottery-wheel", "search:gom", "attract"}
	k, w, _ := newTestKiosk(t)
	// Languages outermost: a change of bold font (to or from Korean,
	// Chinese, Japanese) resets Fyne's font caches, which costs time.
	langs := data.Languages
	if raceDetector {
		langs = []data.Lang{data.VI, data.JA} // the Latin and the CJK layouts; all five run without -race
	}
	eachLook(k, langs, func(lang data.Lang, large bool) {
		for _, size := range testShapes {
			w.Resize(size)
			for _, spec := range specs {
				r, err := ParseRoute(spec)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%vx%v/%s/large=%v/%s", size.Width, size.Height, lang, large, spec)
				k.ShowRoute(r)
				for _, f := range layoutFaults(k, size) {
					t.Errorf("%s: %s", name, f)
				}
				if r.Screen == ScreenProduct {
					checkProductVisible(t, k, size, name, r.ID)
				}
				if min := w.Content().MinSize(); min.Width > maxContentMin.Width || min.Height > maxContentMin.Height {
					t.Errorf("%s: the content asks for %v, more than the smallest screen", name, min)
				}
			}
		}
	})
	k.Reset()
}

// eachLook runs f with the kiosk in each of langs, first with normal and
// then with large text.
func eachLook(k *Kiosk, langs []data.Lang, f func(lang data.Lang, large bool)) {
	for _, lang := range langs {
		k.lang = lang
		for _, large := range []bool{false, true} {
			if k.session.largeText != large {
				k.ToggleLargeText()
			}
			f(lang, large)
		}
	}
}

func checkProductVisible(t *testing.T, k *Kiosk, size fyne.Size, name, id string) {
	t.Helper()
	e := k.shownEnv
	p, err := k.cat.Product(k.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !visibleLabel(k, size, p.Name.In(k.lang)) {
		t.Errorf("%s: the product's name %q is not wholly on screen", name, p.Name.In(k.lang))
	}
	if !visibleLabel(k, size, e.priceText(p)) {
		t.Errorf("%s: the price %q is not wholly on screen", name, e.priceText(p))
	}
	if !visibleQR(k, size) {
		t.Errorf("%s: the QR code is not wholly on screen", name)
	}
}
