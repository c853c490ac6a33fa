package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// smallestWindow is the smallest window the kiosk supports (1280×800 less a
// desktop's panels).
var smallestWindow = fyne.NewSize(1024, 700)

// WindowContent is what the kiosk's window shows: its screens and, under
// them, the watchdog's probe. Fyne never makes a window smaller than its
// content's minimum size: one screen whose minimum is taller than the
// display (a long text that does not wrap, say) would grow the full-screen
// window past the display's edge for good, leaving the top bar out of
// reach. This content asks for no more than the smallest supported window;
// a screen that wants more is squeezed into the window, and logged once
// per screen so the layout can be fixed.
func (k *Kiosk) WindowContent() fyne.CanvasObject {
	c := container.New(&windowFit{k: k, logged: map[Route]bool{}}, k.watch.Object(), k.root)
	k.watch.root = c
	return c
}

type windowFit struct {
	k      *Kiosk
	size   fyne.Size // the window's, at the last layout
	logged map[Route]bool
}

func (f *windowFit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	f.size = size
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is asked for whenever something in the window changed size: the
// place to notice a screen that wants more than the window has.
func (f *windowFit) MinSize([]fyne.CanvasObject) fyne.Size {
	want := f.k.root.MinSize()
	r := f.k.Current()
	// Fyne first lays the window out at its content's minimum; only the
	// size the display gives it counts.
	sized := !f.size.IsZero() && f.size != smallestWindow
	if sized && (want.Width > f.size.Width+1 || want.Height > f.size.Height+1) && !f.logged[r] {
		f.logged[r] = true
		what := fmt.Sprint(r)
		if f.k.Overlay() != nil {
			what += " with an overlay"
		}
		fyne.LogError("layout", fmt.Errorf("screen %s needs %.0f×%.0f, more than the window's %.0f×%.0f",
			what, want.Width, want.Height, f.size.Width, f.size.Height))
	}
	return smallestWindow
}
