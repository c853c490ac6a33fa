package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/i18n"
)

// navigator moves the visitor between screens and hears of their activity.
// The kiosk is one; a test may pass its own.
type navigator interface {
	Open(r Route)
	Touch()
}

// env is everything a visitor screen may use: the catalogue, the visitor's
// language and the kiosk's words, navigation, photos, the context of the
// links it shows, and the visitor's session. A screen gets nothing else of
// the kiosk, so it can be built over a fake catalogue in a test.
type env struct {
	ctx     context.Context
	cat     Catalog
	lang    data.Lang
	msg     *i18n.Messages
	nav     navigator
	photos  *photoLoader
	session *session
	places  *villageIndex
	// links is the context of the links an item's QR codes hold.
	links func(itemID string) handoff.Context
	now   func() time.Time
	// animate runs an animation's frames (drag-scroll momentum).
	animate func(frame func() bool)
	// record takes a visitor event for the analytics.
	record func(data.Event)
	// noteSearch hears what the visitor is searching for (see Kiosk.noteSearch).
	noteSearch func(query string, results int)
	motion     *motion

	// Set by the screen as it is built.
	route      Route
	mainScroll offsetScroller // whose position Back comes back to
	onLeave    []func()       // run when the screen goes
	onShown    []func()       // run once the screen is laid out
	qr         *qrPanel       // the screen's QR panel, if it has one
	swipes     []*swipeLayer  // its galleries' photos, which take sideways drags
}

// t looks up one of the kiosk's own words in the visitor's language.
func (e *env) t(id string, args ...any) string { return e.msg.T(e.lang, id, args...) }

// n looks up a plural message for count.
func (e *env) n(id string, count int, args ...any) string { return e.msg.N(e.lang, id, count, args...) }

// open goes to a screen, unless the tap that asked for it only stopped a
// moving list: a finger that stops a gliding grid must not open the tile
// that happens to be under it.
func (e *env) open(r Route) {
	if e.motion.stop() {
		e.nav.Touch()
		return
	}
	e.nav.Open(r)
}

// touch reports visitor activity.
func (e *env) touch() { e.nav.Touch() }

// failure is what a screen shows when its content cannot be loaded: words a
// visitor understands, and the way back (the top bar stays).
func (e *env) failure(err error) fyne.CanvasObject {
	fyne.LogError("load screen", err)
	return container.NewCenter(subheading(e.t("error.load")))
}

// leaving registers what to do when the screen goes.
func (e *env) leaving(f func()) { e.onLeave = append(e.onLeave, f) }

// whenShown registers what to do once the screen is on the window and laid
// out (a scroll restored before then has no height to scroll in).
func (e *env) whenShown(f func()) { e.onShown = append(e.onShown, f) }

// leave runs the screen's leave hooks.
func (e *env) leave() {
	for _, f := range e.onLeave {
		f()
	}
	e.onLeave = nil
}

// villages lists the villages (without stories).
func (e *env) villages() []data.Village { return e.places.list() }

// villageNames maps village ids to names, for tiles and captions.
func (e *env) villageNames() map[string]data.Text { return e.places.names() }
