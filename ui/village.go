package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

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
	room := canvas.NewRectangle(color.Transparent)
	cover := newPhotoView(e.photos, media.Display, fyne.NewSize(1, 1))
	cover.show(v.Cover)
	coverBox := container.NewStack(room, cover)
	link, err := handoff.DirectionsLink(v, e.links(v.ID))
	qr := e.newQRPanel(data.KindVillage, v.ID, []qrChoice{{kind: handoff.KindDirections, text: link, err: err,
		labelID: "qr.directions", scanID: "qr.scan_directions"}})
	facts := s.facts(v)
	title := container.NewVBox(headingText(v.Name.In(e.lang)), e.untranslated(v.Name, v.Story))
	story := newStory(e, v.Story.In(e.lang), v.StoryImages)
	products, _ := e.cat.ListProducts(e.ctx, data.ProductFilter{VillageID: v.ID, Limit: 12})
	tours, _ := e.cat.Tours(e.ctx, v.ID)
	// more is the village's products and experiences, across width.
	more := func(width float32) fyne.CanvasObject {
		box := container.NewVBox()
		if len(products.Products) > 0 {
			box.Add(sectionTitle(e.t("village.products")))
			box.Add(e.productRow(products.Products, width, 100, tilePhoto))
		}
		if len(tours) > 0 {
			box.Add(sectionTitle(e.t("village.tours")))
			for _, t := range tours {
				box.Add(e.tourCard(t, width))
			}
		}
		return box
	}
	pad := theme.Padding()
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		e.mainScroll = nil
		qrBox := func(width float32) fyne.CanvasObject {
			qr.setWidth(width)
			return container.NewStack(fixedWidth(width), qr.object())
		}
		switch sh {
		case shapeWide:
			room.SetMinSize(fyne.NewSize(480, 340))
			qr.setCodeSize(qrPanelWidth)
			centreW := size.Width - 520 - qrColumnWide - 4*pad - scrollbarRoom
			return container.NewBorder(nil, nil,
				e.dragScrollOf(container.NewPadded(container.NewVBox(coverBox, facts)), false),
				e.dragScrollOf(container.NewPadded(qrBox(qrColumnWide-2*pad)), false),
				e.dragScroll(container.NewPadded(container.NewVBox(title, story, more(centreW)))))
		case shapeSmall:
			room.SetMinSize(fyne.NewSize(320, 230))
			qr.setCodeSize(qrCodeFor(qrColumnSmall, size.Height))
			centreW := size.Width - qrColumnSmall - 4*pad - scrollbarRoom
			top := container.NewBorder(nil, nil, coverBox, nil, facts)
			return container.NewBorder(nil, nil, nil,
				e.dragScrollOf(container.NewPadded(qrBox(qrColumnSmall-2*pad)), false),
				e.dragScroll(container.NewPadded(container.NewVBox(title, top, story, more(centreW)))))
		}
		w := size.Width - 4*pad - scrollbarRoom
		room.SetMinSize(fyne.NewSize(w, min(w*0.5, size.Height*0.3)))
		qrW := min(float32(qrPanelWidth), w*0.45)
		qr.setCodeSize(qrW - 4*pad)
		middle := container.NewBorder(nil, nil, nil, container.NewPadded(qrBox(qrW)), facts)
		return e.dragScroll(container.NewPadded(container.NewVBox(title, coverBox, middle, story, more(w))))
	})
}

// facts are the village's craft, age, place and distance.
func (s *villageScreen) facts(v data.Village) fyne.CanvasObject {
	e := s.e
	place := v.Commune
	if v.FormerDistrict != "" {
		place += ", " + e.t("village.former_district", "District", v.FormerDistrict)
	}
	rows := []fyne.CanvasObject{caption(e.t("village.craft")), bodyText(v.Craft.In(e.lang))}
	if era := v.Era.In(e.lang); era != "" {
		rows = append(rows, caption(e.t("village.era")), bodyText(era))
	}
	rows = append(rows, caption(e.t("village.place")),
		bodyText(place+"\n"+e.t("village.distance", "Km", strconv.Itoa(distanceKm(v.Lat, v.Lng)))))
	return container.New(newFactsLayout(), rows...)
}
