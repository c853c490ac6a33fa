package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/data/media"
)

// toursScreen lists the experiences visitors can sign up for, in a
// virtualised grid (a national catalogue has thousands).
type toursScreen struct {
	k     *Kiosk
	tours []data.Tour
}

func newToursScreen(k *Kiosk) *toursScreen { return &toursScreen{k: k} }

func (s *toursScreen) object() fyne.CanvasObject {
	k := s.k
	tours, err := k.cat.Tours(k.ctx, "")
	if err != nil {
		return k.failure(err)
	}
	s.tours = tours
	_, grid := k.tileGrid(func() int { return len(s.tours) }, func() (fyne.CanvasObject, func(int)) {
		t := newTourTile(k)
		return t.card, func(i int) { t.bind(s.tours[i]) }
	})
	return grid
}

// tourCard is a tour's summary card, for a village's few tours.
func (k *Kiosk) tourCard(t data.Tour) fyne.CanvasObject {
	tile := newTourTile(k)
	tile.bind(t)
	return tile.card
}

// tourTile is a tour's summary: photo, name, village, and the facts a
// visitor decides on (how long, how much, in which languages).
type tourTile struct {
	k       *Kiosk
	id      string
	photo   *photoView
	name    *canvas.Text
	village *canvas.Text
	facts   *canvas.Text
	guides  *canvas.Text
	card    *tapCard
}

func newTourTile(k *Kiosk) *tourTile {
	t := &tourTile{k: k}
	t.photo = newPhotoView(k.photos, media.Thumb, fyne.NewSize(300, 225))
	t.name = coloured("", colorLacquer, theme.Size(theme.SizeNameSubHeadingText), true)
	t.village = coloured("", colorInk, theme.TextSize(), false)
	t.facts = coloured("", colorInk, theme.TextSize(), false)
	t.guides = coloured("", colorMutedInk, theme.CaptionTextSize(), false)
	box := container.NewVBox(container.NewPadded(t.name), container.NewPadded(t.village), container.NewPadded(t.facts),
		container.NewPadded(t.guides))
	// The text column has a fixed width: a virtualised grid sizes every cell
	// from an empty card, and the texts are cut to fit it (bind).
	text := container.NewStack(fixedWidth(tourTextWidth+2*theme.Padding()), box)
	t.card = newTapCard(container.NewBorder(nil, nil, t.photo, nil, text), func() {
		if t.id != "" {
			k.Open(Route{Screen: ScreenTour, ID: t.id})
		}
	})
	return t
}

// tourTextWidth is the room beside a tour card's photo.
const tourTextWidth = 560

func (t *tourTile) bind(tour data.Tour) {
	k := t.k
	t.id = tour.ID
	if len(tour.Images) > 0 {
		t.photo.show(tour.Images[0])
	} else {
		t.photo.show(data.Image{})
	}
	set := func(c *canvas.Text, s string) {
		c.Text = fitText(s, c.TextSize, c.TextStyle.Bold, tourTextWidth)
		c.Refresh()
	}
	set(t.name, tour.Name.In(k.lang))
	set(t.village, k.villageNames()[tour.VillageID].In(k.lang))
	set(t.facts, k.durationText(tour.DurationMinutes)+"  ·  "+k.tourPrice(tour))
	set(t.guides, k.t("tour.guides")+": "+guideLanguages(tour.GuideLanguages))
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
