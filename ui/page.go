package ui

import "fyne.io/fyne/v2"

// pageLayout puts the top bar over the screen. The bar's height depends on
// the width (it takes a second or third line on narrow screens), which
// Fyne's border layout cannot know, so the page asks the bar.
type pageLayout struct{ bar *topBar }

func (l pageLayout) barHeight(width float32) float32 {
	bl := l.bar.row.Layout.(*barLayout)
	return bl.heightFor(l.bar.row.Objects, width)
}

func (l pageLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(0, l.barHeight(maxContentMin.Width))
}

func (l pageLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	l.bar.row.Layout.(*barLayout).tall = size.Height > size.Width
	h := l.barHeight(size.Width)
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width, h))
	objs[1].Move(fyne.NewPos(0, h))
	objs[1].Resize(fyne.NewSize(size.Width, max(0, size.Height-h)))
}
