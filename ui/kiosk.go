package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/i18n"
)

// Options configure a kiosk. Zero values take the defaults.
type Options struct {
	DefaultLang     data.Lang     // the language after every reset; vi
	IdleTimeout     time.Duration // without a touch before "Still there?"; 90 s
	IdleCountdown   time.Duration // how long "Still there?" waits; 10 s
	AttractInterval time.Duration // between attract-loop slides; 6 s
	AllowedHosts    []string      // hosts a QR code may point to; handoff.DefaultAllowedHosts
	// Now is the clock; tests replace it to run the idle timer in no time.
	Now func() time.Time
	// SyncPhotos decodes photos on the calling goroutine, so that a rendered
	// screen is complete at once (tests and screenshots).
	SyncPhotos bool
	// Animate runs an animation's frames until one returns false; by default
	// every 16 ms on the UI goroutine. Tests run them at once.
	Animate func(frame func() bool)
	// Staff serves staff mode; without it the staff gesture does nothing.
	Staff StaffBackend
	// StaffTimeout closes staff mode after this long untouched; 2 min.
	StaffTimeout time.Duration
	// Events records anonymous visitor analytics; nil records nothing.
	Events EventRecorder
	// Languages are the languages offered to visitors; all five by default.
	Languages []data.Lang
	// StaffLang is the language of the staff screens; Vietnamese by default.
	StaffLang data.Lang
	// Overridden names the settings that the command line overrides for
	// this run, with the flag that does it (e.g. "idle": "--idle 20s"):
	// the Settings tab shows them as such.
	Overridden map[string]string
	// RemovableMedia, when not nil, are the folders whose sub-folders the
	// content picker lists as removable drives, instead of the system's
	// (tests, screenshots).
	RemovableMedia []string
	// OnExit ends the program when staff exit the kiosk (restart: start it again).
	OnExit func(restart bool)
	// ReadOnly, when not empty, says why the kiosk's disk cannot be written;
	// staff mode shows it.
	ReadOnly string
	// Fleet is the fleet sync, shown in staff mode's Fleet tab; nil when
	// the kiosk syncs from no hub.
	Fleet FleetSync
	// About is which build this is (`ocopkiosk version`), shown in staff
	// mode's settings for support; empty shows nothing.
	About string
}

// EventRecorder takes visitor events without blocking (data.Recorder).
type EventRecorder interface {
	Record(e data.Event)
}

func (o *Options) fill() {
	if o.StaffLang == "" {
		o.StaffLang = data.VI
	}
	if o.DefaultLang == "" {
		o.DefaultLang = data.VI
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 90 * time.Second
	}
	if o.IdleCountdown <= 0 {
		o.IdleCountdown = 10 * time.Second
	}
	if o.AttractInterval <= 0 {
		o.AttractInterval = 6 * time.Second
	}
	if o.AllowedHosts == nil {
		o.AllowedHosts = handoff.DefaultAllowedHosts
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Animate == nil {
		o.Animate = animateFrames
	}
	if o.StaffTimeout <= 0 {
		o.StaffTimeout = defaultStaffOff
	}
	if len(o.Languages) == 0 {
		o.Languages = data.Languages
	}
}

// Kiosk is the visitor-facing application: one window's content, a history
// of screens, the visitor's language, and the idle timer.
type Kiosk struct {
	cat    Catalog
	msg    *i18n.Messages
	opt    Options
	ctx    context.Context
	photos *photoLoader

	lang    data.Lang
	centre  data.Centre
	history []Route

	root    *fyne.Container // the window's content: the page and, over it, the overlay
	page    *fyne.Container // top bar and screen
	screen  *fyne.Container // the current screen
	bar     *topBar
	overlay *fyne.Container // "Still there?" and the attract loop

	// What a visitor has set up, cleared by the idle reset.
	filter      data.ProductFilter
	searchText  string
	shown       Route             // the screen last built
	shownScroll *container.Scroll // its main scroll, if it has one
	scrollKeep  map[Route]float32 // scroll positions of screens in the history
	shownQR     *qrPanel          // the screen's QR panel, if it has one

	idle  idleState
	watch *Watchdog
	staff staffState
	visit visit
	win   fyne.Window // for staff mode's file dialogs

	villageCache     []data.Village       // see villages
	villageNameCache map[string]data.Text // see villageNames
}

// New makes a kiosk over a catalogue. Call Root for the window's content.
func New(cat Catalog, msg *i18n.Messages, opt Options) *Kiosk {
	opt.fill()
	k := &Kiosk{cat: cat, msg: msg, opt: opt, ctx: context.Background(), lang: opt.DefaultLang,
		photos: newPhotoLoader(cat.Photos(), opt.SyncPhotos), scrollKeep: map[Route]float32{}}
	k.centre, _ = cat.PackCentre(k.ctx)
	k.bar = newTopBar(k)
	k.screen = container.NewStack()
	bg := canvas.NewRectangle(colorPaper)
	k.page = container.NewBorder(k.bar.object(), nil, nil, nil, container.NewStack(bg, k.screen))
	k.overlay = container.NewStack()
	k.root = container.NewStack(k.page, k.overlay)
	k.idle.last = opt.Now()
	k.watch = newWatchdog(opt.Now)
	k.history = []Route{{Screen: ScreenHome}}
	k.show()
	return k
}

// SetWindow gives the kiosk its window, which staff mode's file dialogs need.
func (k *Kiosk) SetWindow(w fyne.Window) {
	k.win = w
	k.watch.canvas = w.Canvas()
}

// Watchdog notices a window that stops being drawn while touches are acted
// on; put its Object in the window and Run it.
func (k *Kiosk) Watchdog() *Watchdog { return k.watch }

// Root is the kiosk's content for a window.
func (k *Kiosk) Root() fyne.CanvasObject { return k.root }

// Lang is the visitor's current language.
func (k *Kiosk) Lang() data.Lang { return k.lang }

// Current is the screen on show.
func (k *Kiosk) Current() Route { return k.history[len(k.history)-1] }

// t looks up one of the kiosk's own words in the visitor's language.
func (k *Kiosk) t(id string, args ...any) string { return k.msg.T(k.lang, id, args...) }

// n looks up a plural message for count.
func (k *Kiosk) n(id string, count int, args ...any) string {
	return k.msg.N(k.lang, id, count, args...)
}

// Open shows a screen and remembers the one before, for Back.
func (k *Kiosk) Open(r Route) {
	k.Touch()
	if r == k.Current() {
		return
	}
	delete(k.scrollKeep, r) // a screen opened afresh starts at the top
	k.history = append(k.history, r)
	k.show()
}

// Back returns to the previous screen.
func (k *Kiosk) Back() {
	k.Touch()
	if len(k.history) > 1 {
		k.history = k.history[:len(k.history)-1]
	}
	k.show()
}

// Home returns to the home screen and forgets the way there.
func (k *Kiosk) Home() {
	k.Touch()
	k.history = []Route{{Screen: ScreenHome}}
	clear(k.scrollKeep)
	k.show()
}

// SetLanguage switches the visitor's language and rebuilds the screen in
// place: the same item, and the same scroll position where there is one.
func (k *Kiosk) SetLanguage(l data.Lang) {
	k.Touch()
	if l == k.lang {
		return
	}
	k.lang = l
	k.record(data.Event{Kind: data.EventLanguage, Lang: l})
	k.show()
}

// show builds the current screen from scratch in the current language.
func (k *Kiosk) show() {
	if k.shownScroll != nil {
		k.scrollKeep[k.shown] = k.shownScroll.Offset.Y
	}
	r := k.Current()
	if r != k.shown || r.Screen != ScreenSearch {
		k.flushSearch()
	}
	if r != k.shown {
		k.recordView(r)
	}
	k.photos.releaseViews()
	if k.shownQR != nil {
		k.shownQR.code.Image = nil
		k.shownQR.code.Hide()
		k.shownQR.code.Refresh() // off screen: Fyne frees its texture at the next frame
	}
	k.shown, k.shownScroll, k.shownQR = r, nil, nil
	content := k.build(r)
	k.screen.Objects = []fyne.CanvasObject{content}
	k.screen.Refresh()
	k.bar.update(r, len(k.history) > 1)
	if y := k.scrollKeep[r]; k.shownScroll != nil && y > 0 {
		k.shownScroll.ScrollToOffset(fyne.NewPos(0, y))
	}
}

// build makes a screen's content.
func (k *Kiosk) build(r Route) fyne.CanvasObject {
	switch r.Screen {
	case ScreenProducts:
		return newProductsScreen(k).object()
	case ScreenProduct:
		return newProductScreen(k, r.ID).object()
	case ScreenVillages:
		return newVillagesScreen(k).object()
	case ScreenVillage:
		return newVillageScreen(k, r.ID).object()
	case ScreenTours:
		return newToursScreen(k).object()
	case ScreenTour:
		return newTourScreen(k, r.ID).object()
	case ScreenSearch:
		return newSearchScreen(k).object()
	}
	return newHomeScreen(k).object()
}

// failure is what a screen shows when its content cannot be loaded: words a
// visitor understands, and the way back (the top bar stays).
func (k *Kiosk) failure(err error) fyne.CanvasObject {
	fyne.LogError("load screen", err)
	return container.NewCenter(subheading(k.t("error.load")))
}

// title is what the top bar says for a screen.
func (k *Kiosk) title(r Route) string {
	switch r.Screen {
	case ScreenProducts, ScreenProduct:
		return k.t("products.title")
	case ScreenVillages, ScreenVillage:
		return k.t("villages.title")
	case ScreenTours, ScreenTour:
		return k.t("tours.title")
	case ScreenSearch:
		return k.t("search.title")
	}
	if name := k.centre.Name.In(k.lang); name != "" {
		return name
	}
	// A pack without a centre name: the title must still be there to tap,
	// or staff could never reach staff mode.
	return "OCOP"
}
