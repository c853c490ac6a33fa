package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// bar is one value in a chart.
type bar struct {
	label string
	value int
}

// barChart draws bars with canvas rectangles: horizontal bars with their
// labels for rankings, vertical columns for days. Fyne has no charts; these
// are all the staff dashboard needs.
type barChart struct {
	bars       []bar
	vertical   bool
	fill       color.Color
	emptyLabel string
}

const (
	hBarHeight   = 34
	hLabelWidth  = 300
	vChartHeight = 220
)

func (c barChart) object() fyne.CanvasObject {
	if len(c.bars) == 0 || c.maxValue() == 0 {
		return caption(c.emptyLabel)
	}
	if c.vertical {
		return c.columns()
	}
	rows := container.NewVBox()
	top := c.maxValue()
	for _, b := range c.bars {
		rows.Add(container.New(&hBarLayout{share: float32(b.value) / float32(top)},
			oneLine(b.label, false), newBarRect(c.fill), coloured(fmt.Sprint(b.value), colorInk, 20, true)))
	}
	return rows
}

func (c barChart) maxValue() int {
	top := 0
	for _, b := range c.bars {
		top = max(top, b.value)
	}
	return top
}

// columns is a column per bar, labelled under it, value over it.
func (c barChart) columns() fyne.CanvasObject {
	top := c.maxValue()
	cols := container.NewGridWithColumns(len(c.bars))
	for _, b := range c.bars {
		value := coloured(fmt.Sprint(b.value), colorInk, 16, true)
		value.Alignment = fyne.TextAlignCenter
		label := coloured(b.label, colorMutedInk, 14, false)
		label.Alignment = fyne.TextAlignCenter
		cols.Add(container.New(&vBarLayout{share: float32(b.value) / float32(top)}, newBarRect(c.fill), value, label))
	}
	return cols
}

func newBarRect(fill color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(fill)
	r.CornerRadius = 4
	return r
}

// hBarLayout places a label, a bar as long as its share, and the value.
type hBarLayout struct{ share float32 }

func (l *hBarLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(hLabelWidth+200, hBarHeight+8)
}

func (l *hBarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	label, rect, value := objs[0], objs[1], objs[2]
	label.Resize(fyne.NewSize(hLabelWidth, size.Height))
	label.Move(fyne.NewPos(0, 0))
	room := size.Width - hLabelWidth - 80
	w := max(2, room*l.share)
	rect.Resize(fyne.NewSize(w, hBarHeight-8))
	rect.Move(fyne.NewPos(hLabelWidth, (size.Height-hBarHeight+8)/2))
	value.Resize(value.MinSize())
	value.Move(fyne.NewPos(hLabelWidth+w+8, (size.Height-value.MinSize().Height)/2))
}

// vBarLayout places a column rising from the bottom, its value above it and
// its label below.
type vBarLayout struct{ share float32 }

func (l *vBarLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(20, vChartHeight) }

func (l *vBarLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rect, value, label := objs[0], objs[1], objs[2]
	labelH, valueH := label.MinSize().Height, value.MinSize().Height
	room := size.Height - labelH - valueH - 4
	h := max(1, room*l.share)
	w := max(4, size.Width*0.7)
	rect.Resize(fyne.NewSize(w, h))
	rect.Move(fyne.NewPos((size.Width-w)/2, size.Height-labelH-h))
	value.Resize(fyne.NewSize(size.Width, valueH))
	value.Move(fyne.NewPos(0, size.Height-labelH-h-valueH))
	label.Resize(fyne.NewSize(size.Width, labelH))
	label.Move(fyne.NewPos(0, size.Height-labelH))
}
