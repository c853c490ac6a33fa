package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// keepAlive marks every object in the window's tree as still in use in
// Fyne's caches, as Fyne's own loop does only while the window goes
// undrawn for most of a cache period.
//
// Why: canvas.Refresh(obj) finds obj's canvas through a cache whose entries
// expire (FYNE_CACHE, a minute by default) unless obj itself is refreshed,
// or Fyne's loop walks the window, which it does only after a spell without
// drawing. A screen that is redrawn now and then, but whose containers are
// not themselves refreshed for a while (the visitor screens under staff
// mode, say), loses those entries at the next cache clean. From then on a
// refresh of those objects is silently dropped: no dirty flag, no frame,
// while taps keep being acted on, until some other change happens to
// redraw the window. That fits the freeze issue 11 saw (not reproduced
// since; see BENCHMARKS.md).
//
// It runs on the UI goroutine, every second, from the watchdog; a screen's
// tree is a few thousand objects at most.
func keepAlive(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		d.CanvasForObject(o) // marks the canvas entry alive
		switch t := o.(type) {
		case *fyne.Container:
			for _, c := range t.Objects {
				walk(c)
			}
		case fyne.Widget:
			// The renderer cache (test.WidgetRenderer is cache.Renderer,
			// which also marks the renderer alive).
			if r := test.WidgetRenderer(t); r != nil {
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
	}
	walk(o)
}
