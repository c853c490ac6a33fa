package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// factsLayout lays out label/value pairs in two columns, the labels in a
// fixed narrow column and the values wrapping in the rest, because Fyne's
// form layout gives the labels as much room as their longest line.
type factsLayout struct{}

func newFactsLayout() fyne.Layout { return factsLayout{} }

const factsLabelWidth = 200

func (factsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	for i := 0; i+1 < len(objs); i += 2 {
		label, value := objs[i].MinSize(), objs[i+1].MinSize()
		w = max(w, factsLabelWidth+pad+value.Width)
		h += max(label.Height, value.Height) + pad
	}
	return fyne.NewSize(w, h)
}

func (factsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	valueWidth := max(0, size.Width-factsLabelWidth-pad)
	for i := 0; i+1 < len(objs); i += 2 {
		label, value := objs[i], objs[i+1]
		label.Resize(fyne.NewSize(factsLabelWidth, label.MinSize().Height))
		value.Resize(fyne.NewSize(valueWidth, value.MinSize().Height))
		// A wrapping label is taller once it knows its width.
		h := max(label.MinSize().Height, value.MinSize().Height)
		label.Move(fyne.NewPos(0, y))
		value.Move(fyne.NewPos(factsLabelWidth+pad, y))
		value.Resize(fyne.NewSize(valueWidth, h))
		y += h + pad
	}
}
