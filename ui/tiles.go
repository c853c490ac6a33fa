package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// Tile sizes: four product tiles across the products grid at 1080p.
var (
	productTileSize  = fyne.NewSize(352, 404)
	productPhotoSize = fyne.NewSize(328, 232)
)

// productTile is a product's card in grids and rows: photo, name, stars and
// price. A virtualised grid rebinds one tile to many products in turn.
type productTile struct {
	e     *env
	id    string
	photo *photoView
	name  *canvas.Text
	stars *canvas.Text
	price *canvas.Text
	card  *tapCard
}

func newProductTile(e *env) *productTile {
	t := &productTile{e: e}
	t.photo = newPhotoView(e.photos, media.Thumb, productPhotoSize)
	t.name = coloured("", colorInk, theme.TextSize(), true)
	t.stars = coloured("", colorGold, 26, false)
	t.price = coloured("", colorLacquer, theme.TextSize(), false)
	box := container.NewVBox(t.photo, container.NewPadded(t.name), container.NewPadded(t.stars), container.NewPadded(t.price))
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
	width := productPhotoSize.Width - 2*theme.Padding()
	t.name.Text = fitText(p.Name.In(t.e.lang), t.name.TextSize, true, width)
	t.name.Refresh()
	t.stars.Text = starsText(p.Stars)
	t.stars.Refresh()
	t.price.Text = fitText(t.e.priceText(p), t.price.TextSize, false, width)
	t.price.Refresh()
}

func (t *productTile) object() fyne.CanvasObject { return t.card }

// productRow lays products out as tiles in a wrapping grid (a few, not thousands).
func (e *env) productRow(ps []data.Product) fyne.CanvasObject {
	grid := container.NewGridWrap(productTileSize)
	for _, p := range ps {
		t := newProductTile(e)
		t.bind(p)
		grid.Add(t.object())
	}
	return grid
}

// tileGrid is a virtualised, drag-scrolled grid of cards: only the cards on
// screen exist, each rebound to another item as the grid scrolls. newTile
// makes a card and the function that shows item i on it.
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
	return grid, e.withDrag(grid, gridAdapter{grid})
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
