package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// gallery shows an item's photos one at a time: swipe sideways or touch the
// arrows, or touch a thumbnail.
type gallery struct {
	e      *env
	photos []data.Image
	at     int
	view   *photoView
	under  *photoView        // the same photo's thumbnail, drawn until the large one is decoded
	room   *canvas.Rectangle // gives the photo its size (setSize)
	count  *fitLine
	thumbs []*touchThumb
	strip  *container.Scroll // the thumbnails, scrolled sideways when they are many
	obj    fyne.CanvasObject
}

func newGallery(e *env, photos []data.Image, size fyne.Size) *gallery {
	g := &gallery{e: e, photos: photos}
	g.view = newPhotoView(e.photos, media.Display, fyne.NewSize(1, 1))
	g.view.setFill(canvas.ImageFillContain)
	// The tile that was touched has just decoded the thumbnail: shown at
	// once under the large photo, the page has a picture from its first
	// frame, and the large one sharpens it when it is ready.
	g.under = newPhotoView(e.photos, media.Thumb, fyne.NewSize(1, 1))
	g.under.setFill(canvas.ImageFillContain)
	g.room = canvas.NewRectangle(color.Transparent)
	g.room.SetMinSize(size)
	// One line, shrunk or shortened to "1 / 3" between the arrows, never
	// broken inside a word.
	counter := coloured("", colorMutedInk, theme.Size(theme.SizeNameCaptionText)/textScale, false)
	counter.Alignment = fyne.TextAlignCenter
	g.count = newShrinkingLine(counter, 0.8)
	prev := newTouchButton("", theme.NavigateBackIcon(), stylePlain, func() { e.touch(); g.step(-1) })
	next := newTouchButton("", theme.NavigateNextIcon(), stylePlain, func() { e.touch(); g.step(1) })
	// The arrows sit under the photo, either side of "Photo 1 of 3":
	// over it they covered most of a small screen's photo in large text.
	swipe := newSwipeLayer(e.touch, g.step)
	e.swipes = append(e.swipes, swipe)
	stage := container.NewStack(g.room, g.under, g.view, swipe)
	row := container.NewHBox(layout.NewSpacer())
	for i, p := range photos {
		i := i
		t := newTouchThumb(e.photos, p, func() { e.touch(); g.select_(i) })
		g.thumbs = append(g.thumbs, t)
		row.Add(container.NewCenter(t)) // its own size, its frame inside the strip
	}
	row.Add(layout.NewSpacer())
	// The strip is as wide as the photo and scrolls, so that however many
	// photos an item has, the gallery never widens and pushes the name,
	// certificate and price beside it off the screen.
	g.strip = container.NewHScroll(row)
	// Room above and below for the selected thumbnail's frame: a strip
	// exactly as high cut the frame's lower edge off.
	g.strip.SetMinSize(fyne.NewSize(size.Width, thumbSize.Height+4*theme.Padding()))
	parts := container.NewVBox(stage)
	if len(photos) > 1 {
		parts.Add(container.NewBorder(nil, nil, prev, next,
			container.NewVBox(layout.NewSpacer(), g.count, layout.NewSpacer())))
		parts.Add(g.strip)
	}
	g.obj = parts
	g.select_(0)
	return g
}

func (g *gallery) object() fyne.CanvasObject { return g.obj }

// setSize gives the photo another size (another screen shape).
func (g *gallery) setSize(size fyne.Size) {
	g.room.SetMinSize(size)
	g.room.Refresh()
	// The strip keeps to the photo's width (see newGallery).
	g.strip.SetMinSize(fyne.NewSize(size.Width, g.strip.MinSize().Height))
}

func (g *gallery) step(dir int) {
	if len(g.photos) == 0 {
		return
	}
	g.select_((g.at + dir + len(g.photos)) % len(g.photos))
}

func (g *gallery) select_(i int) {
	if i >= len(g.photos) {
		g.under.show(data.Image{})
		g.view.show(data.Image{})
		return
	}
	g.at = i
	g.under.show(g.photos[i])
	g.view.show(g.photos[i])
	g.count.short = fmt.Sprintf("%d / %d", i+1, len(g.photos))
	g.count.set(g.e.t("product.photo_of", "N", i+1, "Total", len(g.photos)))
	for j, t := range g.thumbs {
		t.setSelected(j == i)
	}
	g.revealThumb(i)
}

// revealThumb scrolls the strip so that thumbnail i is in view: the arrows
// and swipes move through photos whose thumbnails are out of sight.
func (g *gallery) revealThumb(i int) {
	if i >= len(g.thumbs) {
		return
	}
	t, view := g.thumbs[i], g.strip.Size().Width
	x, off := t.Position().X, g.strip.Offset.X
	switch {
	case view <= 0:
	case x < off:
		g.strip.ScrollToOffset(fyne.NewPos(x, 0))
	case x+t.Size().Width > off+view:
		g.strip.ScrollToOffset(fyne.NewPos(x+t.Size().Width-view, 0))
	}
}

// swipeThreshold is how far a finger must move sideways to change photo.
const swipeThreshold = 60

// swipeLayer turns a sideways drag into "next" or "previous".
type swipeLayer struct {
	widget.BaseWidget
	moved      float32
	onActivity func()
	onSwip     func(dir int)
}

func newSwipeLayer(onActivity func(), onSwipe func(dir int)) *swipeLayer {
	s := &swipeLayer{onActivity: onActivity, onSwip: onSwipe}
	s.ExtendBaseWidget(s)
	return s
}

// Dragged adds up the sideways movement; any drag is visitor activity.
func (s *swipeLayer) Dragged(e *fyne.DragEvent) {
	s.onActivity()
	s.moved += e.Dragged.DX
}

// DragEnd decides: left means next, right means previous.
func (s *swipeLayer) DragEnd() {
	switch {
	case s.moved <= -swipeThreshold:
		s.onSwip(1)
	case s.moved >= swipeThreshold:
		s.onSwip(-1)
	}
	s.moved = 0
}

func (s *swipeLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// touchThumb is a small photo that selects itself in a gallery.
type touchThumb struct {
	widget.BaseWidget
	view  *photoView
	frame *canvas.Rectangle
	onTap func()
}

var thumbSize = fyne.NewSize(128, 96)

func newTouchThumb(loader *photoLoader, p data.Image, onTap func()) *touchThumb {
	t := &touchThumb{view: newPhotoView(loader, media.Thumb, thumbSize), onTap: onTap}
	t.view.show(p)
	t.frame = canvas.NewRectangle(color.Transparent)
	t.frame.StrokeWidth = 4
	t.frame.CornerRadius = 10
	t.ExtendBaseWidget(t)
	return t
}

// Tapped selects the photo.
func (t *touchThumb) Tapped(*fyne.PointEvent) { t.onTap() }

func (t *touchThumb) setSelected(on bool) {
	if on {
		t.frame.StrokeColor = colorLacquer
	} else {
		t.frame.StrokeColor = color.Transparent
	}
	t.frame.Refresh()
}

func (t *touchThumb) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(t.view, t.frame))
}
