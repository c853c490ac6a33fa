package ui

import "fyne.io/fyne/v2"

// fitRowLayout places objects left to right at their minimum size and hides
// those that do not fit the width it is given: a row of suggestions (the
// names a Chinese visitor's pinyin may mean) that never grows its column,
// and so never pushes into what stands beside it.
type fitRowLayout struct{}

// fitRowGap is the space between two objects of the row.
const fitRowGap = 8

// Layout implements fyne.Layout.
func (fitRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	full := false
	for _, o := range objs {
		m := o.MinSize()
		if full || x+m.Width > size.Width {
			full = true // keep the order: a later, shorter one does not jump the queue
			o.Hide()
			continue
		}
		o.Show()
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(m.Width, size.Height))
		x += m.Width + fitRowGap
	}
}

// MinSize implements fyne.Layout: as high as the tallest object, and no
// wider than nothing, since what does not fit is hidden.
func (fitRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}
