package ui

import (
	"context"
	"fmt"
	"image"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// The watchdog's limits: how long a repaint may take while visitors are
// touching the screen, and how long the UI goroutine may not run at all.
const (
	drawLimit      = 30 * time.Second
	drawLimitTaps  = 2 // touches acted on meanwhile, so a hidden window is not a stall
	uiLimit        = 45 * time.Second
	watchdogPeriod = time.Second
)

// Watchdog notices a kiosk whose window has stopped being drawn while
// visitors' touches are still acted on (the screen shows one page while
// taps open others, unseen), or whose UI goroutine has stopped running at
// all. systemd's watchdog (cmd/ocopkiosk) restarts a kiosk whose UI
// goroutine hangs; only this notices a loop that runs but does not draw.
//
// It asks for a repaint of a one-pixel probe every second and records when
// the painter last drew the probe: a canvas.Raster's generator runs only
// when its texture is made, which is at a paint after a refresh. Under load
// a request is sometimes drawn seconds late while the screen itself goes on
// changing, and on a machine loaded twenty times over a frame took
// seconds and a heartbeat twenty (both seen in the real-window soak), hence
// limits of 30 and 45 s: the freeze it is for lasted minutes, and systemd's
// watchdog (30 s) already catches a UI goroutine that hangs.
type Watchdog struct {
	probe  *canvas.Raster
	obj    fyne.CanvasObject
	root   fyne.CanvasObject // the window's content, kept alive in Fyne's caches (keepAlive)
	canvas fyne.Canvas       // the window's canvas, once known
	now    func() time.Time

	asked   atomic.Int64 // when the first repaint was asked for (unix ns); 0: not yet
	painted atomic.Int64 // when the probe was last painted
	// when the heartbeat now waiting for the UI goroutine was sent; 0: none waiting
	beatSent atomic.Int64
	touches  atomic.Int32 // touches acted on since the repaint was asked for
	fired    atomic.Bool
}

func newWatchdog(now func() time.Time) *Watchdog {
	w := &Watchdog{now: now}
	w.probe = canvas.NewRaster(func(_, _ int) image.Image {
		w.painted.Store(w.now().UnixNano())
		w.touches.Store(0)
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	w.probe.Resize(fyne.NewSquareSize(1))
	w.obj = container.NewWithoutLayout(w.probe) // keeps the probe one pixel, in a corner
	return w
}

// Object is the probe, to be placed anywhere in the window's content (under
// the kiosk's Root, say): it draws nothing visible.
func (w *Watchdog) Object() fyne.CanvasObject { return w.obj }

// touched counts a visitor's touch that the UI goroutine acted on.
func (w *Watchdog) touched() { w.touches.Add(1) }

// Run checks every second until ctx ends; onStall gets a description of the
// first stall found, from the watchdog's own goroutine (the UI goroutine may
// be the one stuck), and the watchdog then stops.
func (w *Watchdog) Run(ctx context.Context, onStall func(reason string)) {
	go func() {
		tick := time.NewTicker(watchdogPeriod)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if reason := w.check(w.now(), fyne.Do); reason != "" {
				onStall(reason)
				return
			}
		}
	}()
}

// check asks for a repaint of the probe, every time (a request is now and
// then drawn late under load, so it does not wait for the last one), and
// describes a stall when the probe has not been drawn for drawLimit while
// touches were acted on. It also checks that the UI goroutine runs at all:
// a heartbeat waiting for uiLimit is a stall. do runs a function on the UI
// goroutine (fyne.Do; tests run it at once, or never).
func (w *Watchdog) check(now time.Time, do func(func())) string {
	if w.fired.Load() {
		return ""
	}
	if r := w.checkBeat(now, do); r != "" {
		return w.fire(r)
	}
	if w.asked.Load() == 0 {
		w.asked.Store(now.UnixNano())
		w.painted.Store(now.UnixNano()) // counting from now
	}
	since := now.Sub(time.Unix(0, w.painted.Load()))
	if n := w.touches.Load(); since >= drawLimit && n >= drawLimitTaps {
		return w.fire(fmt.Sprintf("the window has not been drawn for %.0f s while %d touches were acted on", since.Seconds(), n))
	}
	do(func() {
		if w.root != nil {
			keepAlive(w.root)
		}
		w.refreshProbe()
	})
	return ""
}

// checkBeat sends a heartbeat to the UI goroutine unless one is waiting, and
// describes a stall if one has waited for uiLimit.
func (w *Watchdog) checkBeat(now time.Time, do func(func())) string {
	sent := w.beatSent.Load()
	if sent == 0 {
		w.beatSent.Store(now.UnixNano())
		do(func() { w.beatSent.Store(0) })
		return ""
	}
	if silent := now.Sub(time.Unix(0, sent)); silent >= uiLimit {
		return fmt.Sprintf("the UI goroutine has not run for %.0f s", silent.Seconds())
	}
	return ""
}

// refreshProbe asks the window's canvas itself to redraw the probe: the
// usual canvas.Refresh finds the canvas through a cache (see keepAlive),
// and the probe is to tell whether the loop draws frames, not whether that
// cache works.
func (w *Watchdog) refreshProbe() {
	if c := w.canvas; c != nil {
		c.Refresh(w.probe)
		return
	}
	w.probe.Refresh()
}

func (w *Watchdog) fire(reason string) string {
	w.fired.Store(true)
	return reason
}
