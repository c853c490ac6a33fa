package ui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// oldQuarter is Hoàn Kiếm Lake, the heart of Hanoi's Old Quarter, from
// where visitors reckon how far a village is.
var oldQuarter = struct{ lat, lng float64 }{21.0288, 105.8525}

// distanceKm is the great-circle distance from the Old Quarter, rounded.
func distanceKm(lat, lng float64) int {
	const earthKm = 6371.0
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dLat, dLng := rad(lat-oldQuarter.lat), rad(lng-oldQuarter.lng)
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(rad(oldQuarter.lat))*math.Cos(rad(lat))*math.Sin(dLng/2)*math.Sin(dLng/2)
	return int(math.Round(2 * earthKm * math.Asin(math.Sqrt(a))))
}

// villagesScreen is the overview of the craft villages: a card each with
// its photo, craft, and distance from the Old Quarter. The grid is
// virtualised: a national catalogue has thousands of villages.
type villagesScreen struct {
	e        *env
	villages []data.Village
}

func newVillagesScreen(e *env) *villagesScreen { return &villagesScreen{e: e} }

func (s *villagesScreen) object() fyne.CanvasObject {
	e := s.e
	s.villages = e.villages()
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		width := gridTileWidth(size.Width, minVillageTile)
		// A photo at most 40 % of the screen high: in one column (a
		// small screen in large text) a card's photo filled the screen and
		// its name lay below it.
		photoH := min(float32(int((width-2*cardPad)*0.45)), float32(int(size.Height*0.4)))
		_, grid := e.tileGrid(func() int { return len(s.villages) }, func() (fyne.CanvasObject, func(int)) {
			t := newVillageTile(e, width, photoH)
			return t.card, func(i int) { t.bind(s.villages[i]) }
		})
		return grid
	})
}

// villageTile is a village's card, rebound as the grid scrolls.
type villageTile struct {
	e     *env
	id    string
	width float32 // of the texts
	photo *photoView
	name  *canvas.Text
	craft *canvas.Text
	where *canvas.Text
	card  *tapCard
}

func newVillageTile(e *env, width, photoH float32) *villageTile {
	t := &villageTile{e: e, width: width - 2*cardPad - 2*theme.Padding()}
	t.photo = newPhotoView(e.photos, media.Thumb, fyne.NewSize(width-2*cardPad, photoH))
	t.name = coloured("", colorLacquer, 28, true)
	t.craft = coloured("", colorInk, 22, true)
	t.where = coloured("", colorMutedInk, 18, false)
	box := container.NewVBox(t.photo, container.NewPadded(t.name), container.NewPadded(t.craft), container.NewPadded(t.where))
	t.card = newTapCard(box, func() {
		if t.id != "" {
			e.open(Route{Screen: ScreenVillage, ID: t.id})
		}
	})
	return t
}

func (t *villageTile) bind(v data.Village) {
	e := t.e
	t.id = v.ID
	t.photo.show(v.Cover)
	width := t.width
	t.name.Text = fitText(v.Name.In(e.lang), t.name.TextSize, true, width)
	t.craft.Text = fitText(v.Craft.In(e.lang), t.craft.TextSize, true, width)
	t.where.Text = fitText(e.t("village.distance", "Km", strconv.Itoa(distanceKm(v.Lat, v.Lng))), t.where.TextSize, false, width)
	t.name.Refresh()
	t.craft.Refresh()
	t.where.Refresh()
}
