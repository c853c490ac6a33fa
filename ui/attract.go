package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// slide is one picture of the attract loop: a featured product or a village.
type slide struct {
	photo data.Image
	title data.Text
	line  data.Text // the village or the craft
}

// attractLoop cycles featured products and villages full screen while the
// kiosk waits for a visitor, with "Touch to start" in all five languages.
// A touch anywhere leaves it.
type attractLoop struct {
	k      *Kiosk
	slides []slide
	at     int
	photo  *photoView
	title  *fitLine
	line   *fitLine
	obj    fyne.CanvasObject
}

func (k *Kiosk) startAttract() {
	a := newAttractLoop(k)
	k.hideOverlay()
	k.idle.attract = a
	k.idle.slideTime = k.opt.Now()
	k.setOverlay(a.object())
}

// leaveAttract hides the loop and leaves the visitor on Home.
func (k *Kiosk) leaveAttract() {
	k.hideOverlay()
	k.Touch()
}

func newAttractLoop(k *Kiosk) *attractLoop {
	a := &attractLoop{k: k, slides: attractSlides(k)}
	a.photo = newPhotoView(k.photos, media.Display, fyne.NewSize(100, 100))
	a.photo.img.CornerRadius = 0
	a.photo.bg.CornerRadius = 0
	a.title = newShrinkingLine(coloured("", color.White, 64, true), 0.6)
	a.line = newFitLine(coloured("", color.NRGBA{R: 0xf3, G: 0xd9, B: 0xa4, A: 0xff}, 34, false))
	// In all five languages, on as many lines as the width needs.
	touch := &fyne.Container{Layout: flowLayout{gap: 24}}
	for _, l := range k.opt.Languages {
		// Regular weight: the bold font has one script only, and the five
		// in one row would mix weights.
		touch.Add(coloured(k.msg.T(l, "attract.touch"), color.White, 34, false))
	}
	// A fade, then a dark band as high as the captions: white letters on
	// a pale photo (a white vase) must stay readable.
	dark := color.NRGBA{R: 0x12, G: 0x0a, B: 0x06, A: 0xd8}
	fade := canvas.NewVerticalGradient(color.NRGBA{A: 0}, dark)
	fade.SetMinSize(fyne.NewSize(1, 200))
	band := canvas.NewRectangle(dark)
	band.SetMinSize(fyne.NewSize(1, 320))
	shade := container.New(layout.NewCustomPaddedVBoxLayout(0), fade, band)
	// The captions sit at the bottom; "Touch to start" takes as many lines
	// as the width needs, so the room for it is measured for each width.
	captions := newAdaptive(20, func(_ shape, size fyne.Size) fyne.CanvasObject {
		h := flowLayout{gap: 24}.heightFor(touch.Objects, size.Width-4*theme.Padding())
		// The band reaches above the name, however many lines "Touch to
		// start" takes.
		band.SetMinSize(fyne.NewSize(1, h+190))
		band.Refresh()
		return container.NewVBox(layout.NewSpacer(),
			container.NewPadded(container.NewPadded(container.NewVBox(a.title, a.line))),
			container.NewPadded(container.NewStack(fixedSize(fyne.NewSize(1, h)), touch)), canvasSpacer(40))
	})
	a.obj = container.NewStack(canvas.NewRectangle(colorInk), a.photo,
		container.NewBorder(nil, shade, nil, nil),
		captions, newBackdrop(color.Transparent, k.leaveAttract))
	a.show()
	return a
}

// attractSlides are the featured products, then the villages.
func attractSlides(k *Kiosk) []slide {
	var slides []slide
	page, err := k.cat.ListProducts(k.ctx, data.ProductFilter{Featured: true, Limit: 12})
	if err == nil {
		villages := k.places.names()
		for _, p := range page.Products {
			if len(p.Images) > 0 {
				slides = append(slides, slide{photo: p.Images[0], title: p.Name, line: villages[p.VillageID]})
			}
		}
	}
	for i, v := range k.places.list() {
		if i == 24 {
			break // the loop is to catch an eye, not to show a national list
		}
		slides = append(slides, slide{photo: v.Cover, title: v.Name, line: v.Craft})
	}
	return slides
}

func (a *attractLoop) object() fyne.CanvasObject { return a.obj }

func (a *attractLoop) next() {
	if len(a.slides) == 0 {
		return
	}
	a.at = (a.at + 1) % len(a.slides)
	a.show()
}

// show puts the current slide up, its words in the default language.
func (a *attractLoop) show() {
	if len(a.slides) == 0 {
		a.title.set(a.k.centre.Name.In(a.k.opt.DefaultLang))
		return
	}
	s := a.slides[a.at]
	lang := a.k.opt.DefaultLang
	a.photo.show(s.photo)
	a.title.set(s.title.In(lang))
	a.line.set(s.line.In(lang))
	a.photo.prefetch(a.slides[(a.at+1)%len(a.slides)].photo)
}

// canvasSpacer is fixed empty space.
func canvasSpacer(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}
