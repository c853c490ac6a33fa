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
	e     *env
	tours []data.Tour
}

func newToursScreen(e *env) *toursScreen { return &toursScreen{e: e} }

func (s *toursScreen) object() fyne.CanvasObject {
	e := s.e
	tours, err := e.cat.Tours(e.ctx, "")
	if err != nil {
		return e.failure(err)
	}
	s.tours = tours
	return newAdaptive(40, func(sh shape, size fyne.Size) fyne.CanvasObject {
		width := gridTileWidth(size.Width, minTourTile)
		_, grid := e.tileGrid(func() int { return len(s.tours) }, func() (fyne.CanvasObject, func(int)) {
			t := newTourTile(e, width)
			return t.card, func(i int) { t.bind(s.tours[i]) }
		})
		return grid
	})
}

// tourCard is a tour's summary card, for a village's few tours.
func (e *env) tourCard(t data.Tour, width float32) fyne.CanvasObject {
	tile := newTourTile(e, width)
	tile.bind(t)
	return tile.card
}

// tourTile is a tour's summary: photo, name, village, and the facts a
// visitor decides on (how long, how much, in which languages).
type tourTile struct {
	e       *env
	id      string
	width   float32 // of the texts
	photo   *photoView
	name    *canvas.Text
	village *canvas.Text
	facts   *canvas.Text
	guides  *canvas.Text
	card    *tapCard
}

func newTourTile(e *env, width float32) *tourTile {
	photoW := float32(300)
	if width < 640 {
		photoW = 200
	}
	t := &tourTile{e: e, width: width - 2*cardPad - photoW - 3*theme.Padding()}
	t.photo = newPhotoView(e.photos, media.Thumb, fyne.NewSize(photoW, photoW*0.75))
	t.name = coloured("", colorLacquer, 28, true)
	t.village = coloured("", colorInk, 22, false)
	t.facts = coloured("", colorInk, 22, false)
	t.guides = coloured("", colorMutedInk, 18, false)
	box := container.NewVBox(container.NewPadded(t.name), container.NewPadded(t.village), container.NewPadded(t.facts),
		container.NewPadded(t.guides))
	// The text column has a fixed width: a virtualised grid sizes every cell
	// from an empty card, and the texts are cut to fit it (bind).
	text := container.NewStack(fixedWidth(t.width+2*theme.Padding()), box)
	t.card = newTapCard(container.NewBorder(nil, nil, t.photo, nil, text), func() {
		if t.id != "" {
			e.open(Route{Screen: ScreenTour, ID: t.id})
		}
	})
	return t
}

func (t *tourTile) bind(tour data.Tour) {
	e := t.e
	t.id = tour.ID
	if len(tour.Images) > 0 {
		t.photo.show(tour.Images[0])
	} else {
		t.photo.show(data.Image{})
	}
	set := func(c *canvas.Text, s string) {
		c.Text = fitText(s, c.TextSize, c.TextStyle.Bold, t.width)
		c.Refresh()
	}
	set(t.name, tour.Name.In(e.lang))
	set(t.village, e.villageNames()[tour.VillageID].In(e.lang))
	set(t.facts, e.durationText(tour.DurationMinutes)+"  ·  "+e.tourPrice(tour))
	set(t.guides, e.t("tour.guides")+": "+guideLanguages(tour.GuideLanguages))
}

func (e *env) tourPrice(t data.Tour) string {
	if t.PriceVND == 0 {
		return e.t("tour.free")
	}
	return formatVND(t.PriceVND, e.lang) + " ₫"
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
	e  *env
	id string
}

func newTourScreen(e *env, id string) *tourScreen { return &tourScreen{e: e, id: id} }

func (s *tourScreen) object() fyne.CanvasObject {
	e := s.e
	t, err := e.cat.Tour(e.ctx, s.id)
	if err != nil {
		return e.failure(err)
	}
	village := newTouchButton(e.villageNames()[t.VillageID].In(e.lang), theme.NavigateNextIcon(), stylePlain, func() {
		e.open(Route{Screen: ScreenVillage, ID: t.VillageID})
	})
	facts := container.New(newFactsLayout(),
		caption(e.t("product.village")), fitLeft(village),
		caption(e.t("tour.duration")), bodyText(e.durationText(t.DurationMinutes)),
		caption(e.t("tour.price")), bodyText(e.tourPrice(t)),
		caption(e.t("tour.group")), bodyText(e.t("tour.group_value", "Min", t.MinGroup, "Max", t.MaxGroup)),
		caption(e.t("tour.guides")), body(guideLanguages(t.GuideLanguages)),
		caption(e.t("tour.schedule")), bodyText(t.Schedule.In(e.lang)),
		caption(e.t("tour.meeting")), bodyText(t.MeetingPoint.In(e.lang)),
	)
	link, err := handoff.TourLink(t, e.links(t.ID))
	parts := detailParts{
		gallery: newGallery(e, t.Images, fyne.NewSize(760, 570)),
		head:    container.NewVBox(headingText(t.Name.In(e.lang)), e.untranslated(t.Name, t.Description), facts),
		desc:    newStoryText([]styledRun{{text: t.Description.In(e.lang)}}),
		qr: e.newQRPanel(data.KindTour, t.ID, []qrChoice{{kind: handoff.KindSignup, text: link, err: err,
			labelID: "qr.signup", scanID: "qr.scan_signup"}}),
	}
	return newAdaptive(0, func(sh shape, size fyne.Size) fyne.CanvasObject {
		return arrangeDetail(e, parts, sh, size)
	})
}
