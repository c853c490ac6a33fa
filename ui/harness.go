package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/i18n"
)

// Harness drives a kiosk headlessly in Fyne's test driver: for benchmarks
// and soak runs that build and lay out real screens without a GPU.
type Harness struct {
	Kiosk  *Kiosk
	Window fyne.Window
}

// NewHarness makes a kiosk in a test window of the given size. Animations
// run to their end at once; photos decode as the kiosk does (off the UI
// goroutine) unless opt.SyncPhotos is set.
func NewHarness(cat Catalog, msg *i18n.Messages, opt Options, size fyne.Size) *Harness {
	app := test.NewApp()
	app.Settings().SetTheme(Theme())
	if opt.Animate == nil {
		opt.Animate = func(frame func() bool) {
			for i := 0; i < 1000 && frame(); i++ {
			}
		}
	}
	k := New(cat, msg, opt)
	w := test.NewWindow(k.Root())
	w.SetPadded(false)
	w.Resize(size)
	return &Harness{Kiosk: k, Window: w}
}

// Show builds and lays out a screen, as a visitor's tap would.
func (h *Harness) Show(r Route) { h.Kiosk.ShowRoute(r) }

// Close closes the window.
func (h *Harness) Close() { h.Window.Close() }
