package ui

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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
// its photo, craft, and distance from the Old Quarter.
type villagesScreen struct{ k *Kiosk }

func newVillagesScreen(k *Kiosk) *villagesScreen { return &villagesScreen{k: k} }

var villageCardSize = fyne.NewSize(600, 470)

func (s *villagesScreen) object() fyne.CanvasObject {
	k := s.k
	vs, err := k.cat.Villages(k.ctx)
	if err != nil {
		return k.failure(err)
	}
	grid := container.NewGridWrap(villageCardSize)
	for _, v := range vs {
		grid.Add(s.card(v))
	}
	return k.dragScroll(container.NewPadded(grid))
}

func (s *villagesScreen) card(v data.Village) fyne.CanvasObject {
	k := s.k
	photo := newPhotoView(k.photos, media.Thumb, fyne.NewSize(villageCardSize.Width-2*cardPad, 260))
	photo.show(v.Cover)
	name := subheading(v.Name.In(k.lang))
	name.Importance = widget.HighImportance
	craft := oneLine(v.Craft.In(k.lang), true)
	where := caption(k.t("village.distance", "Km", strconv.Itoa(distanceKm(v.Lat, v.Lng))))
	id := v.ID
	return newTapCard(container.NewVBox(photo, name, craft, where), func() {
		k.Open(Route{Screen: ScreenVillage, ID: id})
	})
}
