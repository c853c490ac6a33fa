package ui

import "fyne.io/fyne/v2"

// dialogCardLayout centres one dialog card over the screen: as wide as
// maxWidth allows (less a margin on narrow screens) and as tall as its
// content, wrapped at that width, needs. A fixed box would cut its button
// off once large text or a longer language makes the lines wrap.
type dialogCardLayout struct{ maxWidth float32 }

// dialogMargin is the least room left around a card on a small screen.
const dialogMargin = 32

func (l dialogCardLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s.Min(fyne.NewSize(l.maxWidth, s.Height))
}

func (l dialogCardLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := max(0, min(l.maxWidth, size.Width-2*dialogMargin))
	for _, o := range objs {
		// Lay out at the width first: wrapped text knows its height only
		// once it knows its width.
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := min(o.MinSize().Height, max(0, size.Height-2*dialogMargin))
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos((size.Width-w)/2, (size.Height-h)/2))
	}
}

// newDialogCard centres card, at most maxWidth wide, over the screen.
func newDialogCard(card fyne.CanvasObject, maxWidth float32) fyne.CanvasObject {
	return &fyne.Container{Layout: dialogCardLayout{maxWidth: maxWidth}, Objects: []fyne.CanvasObject{card}}
}
