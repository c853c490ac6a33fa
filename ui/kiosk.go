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
	IdleCountdown   time.Duration // how long "Still there?" waits; 20 s (WCAG 2.2.1 asks for at least 20)
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
	// DBFlag is " --db PATH" when the kiosk runs on a database given on
	// its command line, so that a command staff are told to run (set-pin)
	// acts on the same database; empty for the default one.
	DBFlag string
	// About is which build this is (`ocopkiosk version`), shown in staff
	// mode's settings for support; empty shows nothing.
	About string
}

// minIdleCountdown is the least time "Still there?" gives a visitor to
// answer: WCAG 2.2.1 (timing adjustable) asks for at least 20 seconds.
const minIdleCountdown = 20 * time.Second

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
	if o.IdleCountdown < minIdleCountdown {
		o.IdleCountdown = minIdleCountdown
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
// of screens, the visitor's language and session, and the idle timer. The
// screens themselves are declared in screenSpecs and see only their env.
type Kiosk struct {
	cat    Catalog
	msg    *i18n.Messages
	opt    Options
	ctx    context.Context
	photos *photoLoader
	places *villageIndex
	motion *motion

	lang    data.Lang
	centre  data.Centre
	history []Route
	session *session // what this visitor has set up; the idle reset replaces it

	root    *fyne.Container // the window's content: the page and, over it, the overlay
	page    *fyne.Container // top bar and screen
	pageBg  *canvas.Rectangle
	screen  *fyne.Container // the current screen
	bar     *topBar
	overlay *fyne.Container // "Still there?" and the attract loop

	shown    Route // the screen last built
	shownEnv *env  // what it was built with: its main scroll, its leave hooks

	idle  idleState
	watch *Watchdog
	staff staffState
	visit visit
	win   fyne.Window // for staff mode's file dialogs
}

// New makes a kiosk over a catalogue. Call Root for the window's content.
func New(cat Catalog, msg *i18n.Messages, opt Options) *Kiosk {
	opt.fill()
	k := &Kiosk{cat: cat, msg: msg, opt: opt, ctx: context.Background(), lang: opt.DefaultLang,
		photos: newPhotoLoader(cat.Photos(), opt.SyncPhotos), motion: &motion{}, session: newSession()}
	k.places = newVillageIndex(k.ctx, cat)
	k.centre, _ = cat.PackCentre(k.ctx)
	applyAccess(k.session.largeText) // a new kiosk starts in normal text, whatever came before it
	k.bar = newTopBar(k)
	k.screen = container.NewStack()
	k.pageBg = canvas.NewRectangle(colorPaper)
	k.page = &fyne.Container{Layout: pageLayout{bar: k.bar}, Objects: []fyne.CanvasObject{k.bar.object(), container.NewStack(k.pageBg, k.screen)}}
	k.overlay = container.NewStack()
	k.root = container.NewStack(newMinCap(container.NewStack(k.page, k.overlay)))
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
	delete(k.session.scroll, r) // a screen opened afresh starts at the top
	k.history = append(k.history, r)
	k.show()
}

// Back returns to the previous screen, scrolled where the visitor left it.
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
	clear(k.session.scroll)
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
	if e := k.shownEnv; e != nil {
		if e.mainScroll != nil {
			k.session.scroll[k.shown] = e.mainScroll.scrollOffset()
		}
		e.leave()
	}
	r := k.Current()
	if r != k.shown || r.Screen != ScreenSearch {
		k.flushSearch()
	}
	if r != k.shown {
		k.recordView(r)
	}
	k.photos.releaseViews()
	if setFontLang(k.lang) {
		if app := fyne.CurrentApp(); app != nil {
			app.Settings().SetTheme(Theme()) // the bold font is another now
		}
	}
	e := k.newEnv(r)
	content := k.build(e, r)
	k.shown, k.shownEnv = r, e
	k.screen.Objects = []fyne.CanvasObject{content}
	k.screen.Refresh()
	k.bar.update(r, len(k.history) > 1)
	if y := k.session.scroll[r]; e.mainScroll != nil && y > 0 {
		e.mainScroll.scrollTo(y)
	}
	for _, f := range e.onShown {
		f()
	}
	e.onShown = nil
}

// newEnv is what a screen gets to work with.
func (k *Kiosk) newEnv(r Route) *env {
	return &env{ctx: k.ctx, cat: k.cat, lang: k.lang, msg: k.msg, nav: k, photos: k.photos,
		session: k.session, places: k.places, links: k.linkContext, now: k.opt.Now, animate: k.opt.Animate,
		record: k.record, noteSearch: k.noteSearch, motion: k.motion, route: r}
}

// build makes a screen's content from its spec.
func (k *Kiosk) build(e *env, r Route) fyne.CanvasObject {
	spec, ok := specFor(r.Screen)
	if !ok {
		spec, _ = specFor(ScreenHome)
	}
	return spec.build(e, r.ID)
}

// title is what the top bar says for a screen.
func (k *Kiosk) title(r Route) string {
	if spec, ok := specFor(r.Screen); ok && spec.titleID != "" {
		return k.t(spec.titleID)
	}
	if name := k.centre.Name.In(k.lang); name != "" {
		return name
	}
	// A pack without a centre name: the title must still be there to tap,
	// or staff could never reach staff mode.
	return "OCOP"
}

// linkContext is what the kiosk's links share for one item.
func (k *Kiosk) linkContext(itemID string) handoff.Context {
	return handoff.Context{CentreID: k.centre.ID, ItemID: itemID, Lang: k.lang, AllowedHosts: k.opt.AllowedHosts}
}
