package ui

import "fyne.io/fyne/v2"

// A window never becomes smaller than its content's MinSize: Fyne's GLFW
// window makes itself larger instead, and stays so. One long word or a panel
// too wide for a small screen would push the whole kiosk off the glass.
// The kiosk's content therefore reports a minimum no larger than
// maxContentMin, below the smallest screen it supports (1280×768 less a
// window frame), and each screen's layout makes its parts fit the room it
// is given; the layout tests check that nothing is then cut off.
var maxContentMin = fyne.NewSize(960, 600)

type minCapLayout struct{}

func (minCapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	// Never nothing either: X refuses a window of width 0.
	return s.Min(maxContentMin).Max(minContentMin)
}

// minContentMin is the least the content asks for.
var minContentMin = fyne.NewSize(320, 240)

func (minCapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// newMinCap holds content whose minimum size may not make the window grow.
func newMinCap(content fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: minCapLayout{}, Objects: []fyne.CanvasObject{content}}
}
