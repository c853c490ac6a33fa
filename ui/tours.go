package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/data/media"
)

// toursScreen lists the experiences visitors can sign up for.
type toursScreen struct{ k *Kiosk }

func newToursScreen(k *Kiosk) *toursScreen { return &toursScreen{k: k} }

func (s *toursScreen) object() fyne.CanvasObject {
	k := s.k
	tours, err := k.cat.Tours(k.ctx, "")
	if err != nil {
		return k.failure(err)
	}
	grid := container.NewGridWithColumns(2)
	for _, t := range tours {
		grid.Add(k.tourCard(t))
	}
	return k.dragScroll(container.NewPadded(grid))
}

// tourCard is a tour's summary: photo, name, village, and the facts a
// visitor decides on (how long, how much, in which languages).
func (k *Kiosk) tourCard(t data.Tour) fyne.CanvasObject {
	photo := newPhotoView(k.photos, media.Thumb, fyne.NewSize(300, 225))
	if len(t.Images) > 0 {
		photo.show(t.Images[0])
	}
	name := subheading(t.Name.In(k.lang))
	name.Importance = widget.HighImportance
	village := k.villageNames()[t.VillageID].In(k.lang)
	facts := container.NewVBox(name, body(village),
		body(k.durationText(t.DurationMinutes)+"  ·  "+k.tourPrice(t)),
		caption(k.t("tour.guides")+": "+guideLanguages(t.GuideLanguages)))
	id := t.ID
	return newTapCard(container.NewBorder(nil, nil, photo, nil, facts), func() {
		k.Open(Route{Screen: ScreenTour, ID: id})
	})
}

func (k *Kiosk) tourPrice(t data.Tour) string {
	if t.PriceVND == 0 {
		return k.t("tour.free")
	}
	return formatVND(t.PriceVND, k.lang) + " ₫"
}

// guideLanguages names the guides' languages, each in its own script.
func guideLanguages(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		if n, ok := languageNames[data.Lang(c)]; ok {
			names[i] = n
		} else {
			names[i] = strings.ToUpper(c)
		}
	}
	return strings.Join(names, ", ")
}

// tourScreen is one experience with everything needed to decide and the
// code to sign up.
type tourScreen struct {
	k  *Kiosk
	id string
}

func newTourScreen(k *Kiosk, id string) *tourScreen { return &tourScreen{k: k, id: id} }

func (s *tourScreen) object() fyne.CanvasObject {
	k := s.k
	t, err := k.cat.Tour(k.ctx, s.id)
	if err != nil {
		return k.failure(err)
	}
	gallery := newGallery(k, t.Images, fyne.NewSize(760, 570))
	village := newTouchButton(k.villageNames()[t.VillageID].In(k.lang), nil, stylePlain, func() {
		k.Open(Route{Screen: ScreenVillage, ID: t.VillageID})
	})
	facts := container.New(newFactsLayout(),
		caption(k.t("product.village")), container.NewHBox(village),
		caption(k.t("tour.duration")), body(k.durationText(t.DurationMinutes)),
		caption(k.t("tour.price")), body(k.tourPrice(t)),
		caption(k.t("tour.group")), body(k.t("tour.group_value", "Min", t.MinGroup, "Max", t.MaxGroup)),
		caption(k.t("tour.guides")), body(guideLanguages(t.GuideLanguages)),
		caption(k.t("tour.schedule")), body(t.Schedule.In(k.lang)),
		caption(k.t("tour.meeting")), body(t.MeetingPoint.In(k.lang)),
	)
	details := container.NewVBox(heading(t.Name.In(k.lang)), facts, body(t.Description.In(k.lang)))
	link, err := handoff.TourLink(t, k.linkContext(t.ID))
	qr := k.newQRPanel(data.KindTour, t.ID, []qrChoice{{kind: handoff.KindSignup, text: link, err: err, labelID: "qr.signup", scanID: "qr.scan_signup"}})
	return container.NewBorder(nil, nil, container.NewPadded(gallery.object()),
		container.NewPadded(container.NewVBox(qr.object())), k.dragScroll(container.NewPadded(details)))
}
