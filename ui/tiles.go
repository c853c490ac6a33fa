package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// Cards are as wide as the room allows: a grid takes as many columns of at
// least the minimum width as fit, and shares the rest between them, so no
// grid leaves a gap at its right.
const (
	minProductTile = 300 // four across the products grid at 1080p, three in portrait
	minVillageTile = 480
	minTourTile    = 760
	gridGap        = 8 // Fyne's padding between grid cells
	scrollbarRoom  = 16
)

// productTile is a product's card in grids and rows: photo, name, stars and
// price. A virtualised grid rebinds one tile to many products in turn.
type productTile struct {
	e     *env
	id    string
	width float32 // of the texts
	photo *photoView
	name  *canvas.Text
	name2 *canvas.Text // the name's second line, " " when it has one
	stars *canvas.Text
	price *canvas.Text
	// priceSize is the price's full text size; a long price is drawn a
	// little smaller to keep its unit.
	priceSize float32
	card      *tapCard
}

// Product photos on tiles are 7:10, but 1:2 on small landscape screens,
// where a taller photo left room for one row of tiles (see tilePhotoRatio).
const (
	tilePhoto      = 0.7
	tilePhotoShort = 0.5
)

// tilePhotoRatio is the height of a tile's photo to its width on a shape.
func tilePhotoRatio(sh shape) float32 {
	if sh == shapeSmall {
		return tilePhotoShort
	}
	return tilePhoto
}

// newProductTile makes a tile width wide with a photo ratio times as high;
// its height follows from the photo and the text sizes.
func newProductTile(e *env, width, ratio float32) *productTile {
	t := &productTile{e: e}
	inner := width - 2*cardPad
	t.width = inner - 2*theme.Padding()
	t.photo = newPhotoView(e.photos, media.Thumb, fyne.NewSize(inner, float32(int(inner*ratio))))
	t.name = coloured("", colorInk, theme.TextSize()/textScale, true)
	t.name2 = coloured(" ", colorInk, theme.TextSize()/textScale, true)
	t.stars = coloured("", colorGold, 26, false)
	t.price = coloured("", colorLacquer, theme.TextSize()/textScale, false)
	t.priceSize = t.price.TextSize // large text included
	// The price has room under it, so it never sits on the card's edge.
	name := container.New(layout.NewCustomPaddedVBoxLayout(0), t.name, t.name2)
	box := container.NewVBox(t.photo, container.NewPadded(name), container.NewPadded(t.stars),
		container.NewPadded(t.price), canvasSpacer(2))
	t.card = newTapCard(box, func() {
		if t.id != "" {
			e.open(Route{Screen: ScreenProduct, ID: t.id})
		}
	})
	return t
}

// bind shows a product on the tile.
func (t *productTile) bind(p data.Product) {
	t.id = p.ID
	if len(p.Images) > 0 {
		t.photo.show(p.Images[0])
	} else {
		t.photo.show(data.Image{})
	}
	first, rest := splitToFit(p.Name.In(t.e.lang), t.name.TextSize, true, t.width)
	if rest == "" {
		rest = " " // the tile keeps its height
	}
	t.name.Text, t.name2.Text = first, rest
	t.name.Refresh()
	t.name2.Refresh()
	t.stars.Text = starsText(p.Stars)
	t.stars.Refresh()
	// Every digit where they fit; else the amounts written compactly
	// ("3 triệu – 25 triệu"), rather than drawn smaller than the
	// neighbouring tiles' prices; smaller only if even that is too wide.
	price := t.e.priceText(p)
	if textWidth(price, t.priceSize, fyne.TextStyle{}) > t.width {
		price = t.e.shortPriceText(p)
	}
	t.price.Text, t.price.TextSize = shrinkToFit(price, t.priceSize, false, t.width, 0.7)
	t.price.Refresh()
}

func (t *productTile) object() fyne.CanvasObject { return t.card }

// productRow lays a few products out as tiles across width, as many as fit
// in rows lines (the rest are left out: a row is a sample, the grid has all).
func (e *env) productRow(ps []data.Product, width float32, rows int, ratio float32) fyne.CanvasObject {
	cols, tileW := columns(width, minProductTile*tileScale(), gridGap)
	grid := container.NewGridWithColumns(cols)
	for i, p := range ps {
		if i == cols*rows {
			break
		}
		t := newProductTile(e, tileW, ratio)
		t.bind(p)
		grid.Add(t.object())
	}
	return grid
}

// tileGrid is a virtualised, drag-scrolled grid of cards: only the cards on
// screen exist, each rebound to another item as the grid scrolls. newTile
// makes a card and the function that shows item i on it. It is the
// screen's main scroll.
func (e *env) tileGrid(length func() int, newTile func() (fyne.CanvasObject, func(i int))) (*widget.GridWrap, fyne.CanvasObject) {
	binds := map[fyne.CanvasObject]func(int){}
	grid := widget.NewGridWrap(length, func() fyne.CanvasObject {
		card, bind := newTile()
		binds[card] = bind
		return card
	}, func(i widget.GridWrapItemID, card fyne.CanvasObject) {
		if bind := binds[card]; bind != nil && i < length() {
			bind(i)
		}
	})
	e.mainScroll = gridAdapter{grid}
	return grid, e.withDrag(grid, gridAdapter{grid})
}

// gridTileWidth is the width of each card in a grid width wide.
func gridTileWidth(width, minWidth float32) float32 {
	_, w := columns(width-scrollbarRoom, minWidth*tileScale(), gridGap)
	return float32(int(w))
}

// sectionTitle is a heading over a part of a screen.
func sectionTitle(s string) fyne.CanvasObject {
	l := subheading(s)
	l.Importance = widget.HighImportance
	return l
}

// icon is a theme icon at a size.
func icon(res fyne.Resource, size float32) fyne.CanvasObject {
	img := canvas.NewImageFromResource(res)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}

// tileScale widens cards in large text, so that a price or a name has the
// room for its larger letters (fewer columns rather than cut values).
func tileScale() float32 { return textScale }
