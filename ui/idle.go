package ui

import (
	"context"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// idleState is the kiosk's idle timer. Fyne has no global hook for touches,
// so every handler the kiosk owns calls Touch; CheckIdle, run every second,
// decides what the quiet means.
type idleState struct {
	last      time.Time // the last touch
	warning   *stillThere
	attract   *attractLoop
	slideTime time.Time
}

// Touch records visitor activity: every tap, drag and key calls it. It also
// dismisses "Still there?" and the attract loop, since someone is there.
func (k *Kiosk) Touch() {
	k.idle.last = k.opt.Now()
	k.watch.touched()
	if k.idle.warning != nil || k.idle.attract != nil {
		k.hideOverlay()
	}
	k.startVisit()
}

// Start runs the idle timer until ctx ends.
func (k *Kiosk) Start(ctx context.Context) {
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				fyne.Do(k.CheckIdle)
			}
		}
	}()
}

// CheckIdle acts on how long the kiosk has gone untouched: after the idle
// timeout it asks "Still there?" and counts down; at zero it resets to Home
// in the default language and starts the attract loop. A kiosk already at
// rest on Home goes straight to the attract loop. Exported for tests, which
// drive it with a fake clock.
func (k *Kiosk) CheckIdle() {
	now := k.opt.Now()
	if k.inStaffMode() {
		// Staff mode leaves itself after a while untouched; the PIN pad
		// after the visitor timeout. Either way the next visitor finds Home.
		limit := k.opt.IdleTimeout
		if k.staff.panel != nil {
			limit = k.opt.StaffTimeout
		}
		if now.Sub(k.idle.last) >= limit {
			k.Reset()
			return
		}
		if k.staff.pad != nil {
			k.staff.pad.tick(now) // the lockout's countdown
		}
		if k.staff.panel != nil {
			k.staff.panel.refreshFleet()
		}
		return
	}
	if k.idle.attract != nil {
		if now.Sub(k.idle.slideTime) >= k.opt.AttractInterval {
			k.idle.slideTime = now
			k.idle.attract.next()
		}
		return
	}
	quiet := now.Sub(k.idle.last)
	if quiet < k.opt.IdleTimeout {
		return
	}
	if k.atRest() {
		k.startAttract()
		return
	}
	left := k.opt.IdleTimeout + k.opt.IdleCountdown - quiet
	if left <= 0 {
		k.Reset()
		k.startAttract()
		return
	}
	if k.idle.warning == nil {
		k.idle.warning = newStillThere(k)
		k.setOverlay(k.idle.warning.object())
	}
	k.idle.warning.update(int((left + time.Second - 1) / time.Second))
}

// atRest reports whether the kiosk is as a new visitor would find it.
func (k *Kiosk) atRest() bool {
	return len(k.history) == 1 && k.Current().Screen == ScreenHome && k.lang == k.opt.DefaultLang &&
		k.session.fresh()
}

// Reset makes the kiosk ready for the next visitor: Home, the default
// language, a new session (no search text, no filters, no scroll
// positions, normal text), no overlays.
func (k *Kiosk) Reset() {
	k.endVisit()
	k.hideOverlay()
	k.lang = k.opt.DefaultLang
	k.session = newSession()
	k.applyAccess() // back to normal text and colours
	k.history = []Route{{Screen: ScreenHome}}
	k.shownEnv = nil // its scroll position belonged to the visitor who left
	k.show()
}

func (k *Kiosk) setOverlay(o fyne.CanvasObject) {
	k.overlay.Objects = []fyne.CanvasObject{o}
	k.overlay.Refresh()
}

func (k *Kiosk) hideOverlay() {
	k.idle.warning, k.idle.attract = nil, nil
	k.endStaffSession()
	k.overlay.Objects = nil
	k.overlay.Refresh()
}

// Overlay is what is shown over the screen ("Still there?", the attract
// loop), or nil. For tests.
func (k *Kiosk) Overlay() fyne.CanvasObject {
	if len(k.overlay.Objects) == 0 {
		return nil
	}
	return k.overlay.Objects[0]
}

// stillThere asks an idle visitor whether they are still there.
type stillThere struct {
	k         *Kiosk
	countdown *widget.Label
	obj       fyne.CanvasObject
}

func newStillThere(k *Kiosk) *stillThere {
	s := &stillThere{k: k, countdown: body("")}
	s.countdown.Alignment = fyne.TextAlignCenter
	title := heading(k.t("idle.title"))
	title.Alignment = fyne.TextAlignCenter
	cont := newTouchButton(k.t("idle.continue"), nil, stylePrimary, k.Touch)
	cont.textSize = 32
	card := canvas.NewRectangle(colorCard)
	card.CornerRadius = 24
	box := container.NewVBox(title, s.countdown, container.NewCenter(container.NewGridWrap(fyne.NewSize(420, 96), cont)))
	dialog := container.NewStack(card, container.NewPadded(container.NewPadded(box)))
	s.obj = container.NewStack(newBackdrop(colorShade, k.Touch), newDialogCard(dialog, 960))
	return s
}

func (s *stillThere) object() fyne.CanvasObject { return s.obj }

func (s *stillThere) update(secondsLeft int) {
	s.countdown.SetText(s.k.n("idle.countdown", secondsLeft))
}

// backdrop covers the screen under an overlay: touching it does onTap, and
// nothing beneath it can be touched or dragged.
type backdrop struct {
	widget.BaseWidget
	fill  color.Color
	onTap func()
}

func newBackdrop(fill color.Color, onTap func()) *backdrop {
	b := &backdrop{fill: fill, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped reports the touch.
func (b *backdrop) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Dragged swallows drags so the screen beneath does not scroll.
func (b *backdrop) Dragged(*fyne.DragEvent) {}

// DragEnd ends a swallowed drag, which is a touch too.
func (b *backdrop) DragEnd() {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *backdrop) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(b.fill))
}
