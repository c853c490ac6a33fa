package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/data/media"
)

// villageScreen tells a village's story beside its facts, with its products,
// its experiences and the way there.
type villageScreen struct {
	k  *Kiosk
	id string
}

func newVillageScreen(k *Kiosk, id string) *villageScreen { return &villageScreen{k: k, id: id} }

func (s *villageScreen) object() fyne.CanvasObject {
	k := s.k
	v, err := k.cat.Village(k.ctx, s.id)
	if err != nil {
		return k.failure(err)
	}
	cover := newPhotoView(k.photos, media.Display, fyne.NewSize(480, 340))
	cover.show(v.Cover)
	link, err := handoff.DirectionsLink(v, k.linkContext(v.ID))
	qr := k.newQRPanel(data.KindVillage, v.ID, []qrChoice{{kind: handoff.KindDirections, text: link, err: err,
		labelID: "qr.directions", scanID: "qr.scan_directions"}})
	left := container.NewVBox(cover, s.facts(v))

	story := container.NewVBox(heading(v.Name.In(k.lang)), newStory(k, v.Story.In(k.lang), v.StoryImages))
	if page, err := k.cat.ListProducts(k.ctx, data.ProductFilter{VillageID: v.ID, Limit: 12}); err == nil && len(page.Products) > 0 {
		story.Add(sectionTitle(k.t("village.products")))
		story.Add(k.productRow(page.Products))
	}
	if tours, err := k.cat.Tours(k.ctx, v.ID); err == nil && len(tours) > 0 {
		story.Add(sectionTitle(k.t("village.tours")))
		for _, t := range tours {
			story.Add(k.tourCard(t))
		}
	}
	return container.NewBorder(nil, nil, k.dragScrollFixed(container.NewPadded(left), 520),
		container.NewPadded(container.NewVBox(qr.object())), k.dragScroll(container.NewPadded(story)))
}

// facts are the village's craft, age, place and distance.
func (s *villageScreen) facts(v data.Village) fyne.CanvasObject {
	k := s.k
	place := v.Commune
	if v.FormerDistrict != "" {
		place += ", " + k.t("village.former_district", "District", v.FormerDistrict)
	}
	rows := []fyne.CanvasObject{caption(k.t("village.craft")), body(v.Craft.In(k.lang))}
	if era := v.Era.In(k.lang); era != "" {
		rows = append(rows, caption(k.t("village.era")), body(era))
	}
	rows = append(rows, caption(k.t("village.place")),
		body(place+"\n"+k.t("village.distance", "Km", strconv.Itoa(distanceKm(v.Lat, v.Lng)))))
	return container.New(newFactsLayout(), rows...)
}

// dragScrollFixed is a drag-scrolled column of a fixed width.
func (k *Kiosk) dragScrollFixed(content fyne.CanvasObject, width float32) fyne.CanvasObject {
	s := container.NewVScroll(content)
	s.SetMinSize(fyne.NewSize(width, 100))
	return k.withDrag(s, scrollAdapter{s})
}
