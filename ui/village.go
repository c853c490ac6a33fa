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
	e  *env
	id string
}

func newVillageScreen(e *env, id string) *villageScreen { return &villageScreen{e: e, id: id} }

func (s *villageScreen) object() fyne.CanvasObject {
	e := s.e
	v, err := e.cat.Village(e.ctx, s.id)
	if err != nil {
		return e.failure(err)
	}
	cover := newPhotoView(e.photos, media.Display, fyne.NewSize(480, 340))
	cover.show(v.Cover)
	link, err := handoff.DirectionsLink(v, e.links(v.ID))
	qr := e.newQRPanel(data.KindVillage, v.ID, []qrChoice{{kind: handoff.KindDirections, text: link, err: err,
		labelID: "qr.directions", scanID: "qr.scan_directions"}})
	left := container.NewVBox(cover, s.facts(v))

	story := container.NewVBox(heading(v.Name.In(e.lang)), newStory(e, v.Story.In(e.lang), v.StoryImages))
	if page, err := e.cat.ListProducts(e.ctx, data.ProductFilter{VillageID: v.ID, Limit: 12}); err == nil && len(page.Products) > 0 {
		story.Add(sectionTitle(e.t("village.products")))
		story.Add(e.productRow(page.Products))
	}
	if tours, err := e.cat.Tours(e.ctx, v.ID); err == nil && len(tours) > 0 {
		story.Add(sectionTitle(e.t("village.tours")))
		for _, t := range tours {
			story.Add(e.tourCard(t))
		}
	}
	return container.NewBorder(nil, nil, e.dragScrollFixed(container.NewPadded(left), 520),
		container.NewPadded(container.NewVBox(qr.object())), e.dragScroll(container.NewPadded(story)))
}

// facts are the village's craft, age, place and distance.
func (s *villageScreen) facts(v data.Village) fyne.CanvasObject {
	e := s.e
	place := v.Commune
	if v.FormerDistrict != "" {
		place += ", " + e.t("village.former_district", "District", v.FormerDistrict)
	}
	rows := []fyne.CanvasObject{caption(e.t("village.craft")), body(v.Craft.In(e.lang))}
	if era := v.Era.In(e.lang); era != "" {
		rows = append(rows, caption(e.t("village.era")), body(era))
	}
	rows = append(rows, caption(e.t("village.place")),
		body(place+"\n"+e.t("village.distance", "Km", strconv.Itoa(distanceKm(v.Lat, v.Lng)))))
	return container.New(newFactsLayout(), rows...)
}

// dragScrollFixed is a drag-scrolled column of a fixed width.
func (e *env) dragScrollFixed(content fyne.CanvasObject, width float32) fyne.CanvasObject {
	s := container.NewVScroll(content)
	s.SetMinSize(fyne.NewSize(width, 100))
	return e.withDrag(s, scrollAdapter{s})
}
