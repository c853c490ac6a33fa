package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// shape is the kind of room a screen has. Showrooms mount 1920×1080 and 4K
// landscape screens (wide), cheap 1366×768 and 1280×800 all-in-ones (small),
// floor-standing 1080×1920 kiosks (portrait), and now and then something
// near square. A screen arranges its parts for the shape it is given.
type shape int

const (
	shapeWide     shape = iota // landscape, 1600 px or more across
	shapeSmall                 // landscape, less
	shapePortrait              // taller than wide
	shapeSquare                // within a quarter of square: stacked, like portrait
)

func (s shape) String() string {
	return [...]string{"wide", "small", "portrait", "square"}[s]
}

// shapeOf classifies the room a screen (or the window) has.
func shapeOf(s fyne.Size) shape {
	switch {
	case s.Height > s.Width*1.2:
		return shapePortrait
	case s.Width < s.Height*1.25:
		return shapeSquare
	case s.Width >= 1600:
		return shapeWide
	}
	return shapeSmall
}

// stacked reports whether the shape puts side-by-side parts one under another.
func (s shape) stacked() bool { return s == shapePortrait || s == shapeSquare }

// adaptive holds a screen whose arrangement depends on its room: arrange is
// called with the shape and size whenever the shape changes or the width
// changes enough to change a grid's columns, on the first layout and live
// on every resize or rotation after. Its minimum size is nothing: the room
// decides, never the content (see mincap.go).
type adaptive struct {
	widget.BaseWidget
	arrange func(sh shape, size fyne.Size) fyne.CanvasObject
	// widthStep is how much the width must change to arrange again; 0
	// arranges again only when the shape changes.
	widthStep float32
	content   fyne.CanvasObject
	key       [2]int
}

func newAdaptive(widthStep float32, arrange func(sh shape, size fyne.Size) fyne.CanvasObject) *adaptive {
	a := &adaptive{arrange: arrange, widthStep: widthStep, key: [2]int{-1, -1}}
	a.ExtendBaseWidget(a)
	return a
}

// layoutFor arranges the content for size when needed, and sizes it.
func (a *adaptive) layoutFor(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	key := [2]int{int(shapeOf(size)), 0}
	if a.widthStep > 0 {
		key[1] = int(size.Width / a.widthStep)
	}
	if key != a.key || a.content == nil {
		a.key = key
		a.content = a.arrange(shapeOf(size), size)
	}
	a.content.Move(fyne.NewPos(0, 0))
	a.content.Resize(size)
}

func (a *adaptive) CreateRenderer() fyne.WidgetRenderer { return &adaptiveRenderer{a: a} }

type adaptiveRenderer struct{ a *adaptive }

func (r *adaptiveRenderer) Layout(size fyne.Size) { r.a.layoutFor(size) }
func (r *adaptiveRenderer) MinSize() fyne.Size    { return fyne.NewSize(0, 0) }
func (r *adaptiveRenderer) Refresh() {
	if r.a.content != nil {
		r.a.content.Refresh()
	}
}
func (r *adaptiveRenderer) Objects() []fyne.CanvasObject {
	if r.a.content == nil {
		return nil
	}
	return []fyne.CanvasObject{r.a.content}
}
func (r *adaptiveRenderer) Destroy() {}

// columns is how many cards of at least minWidth fit across width with gap
// between them (at least one), and the width each then gets.
func columns(width, minWidth, gap float32) (int, float32) {
	n := max(1, int((width+gap)/(minWidth+gap)))
	return n, (width-gap*float32(n-1))/float32(n) - 0.5
}

// flowLayout puts objects at their minimum size in centred lines, wrapping
// to a new line when the next would not fit: the language buttons and the
// attract loop's "Touch to start" in all five languages on a narrow screen.
type flowLayout struct{ gap float32 }

func (f flowLayout) lines(objs []fyne.CanvasObject, width float32) [][]fyne.CanvasObject {
	var lines [][]fyne.CanvasObject
	var line []fyne.CanvasObject
	var w float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		ow := o.MinSize().Width
		if len(line) > 0 && w+f.gap+ow > width {
			lines, line, w = append(lines, line), nil, 0
		}
		if len(line) > 0 {
			w += f.gap
		}
		line, w = append(line, o), w+ow
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// heightFor is the height the objects take at width.
func (f flowLayout) heightFor(objs []fyne.CanvasObject, width float32) float32 {
	var h float32
	for i, line := range f.lines(objs, width) {
		if i > 0 {
			h += f.gap
		}
		h += lineHeight(line)
	}
	return h
}

func lineHeight(line []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range line {
		h = max(h, o.MinSize().Height)
	}
	return h
}

func (f flowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objs {
		if o.Visible() {
			w, h = max(w, o.MinSize().Width), max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(w, h)
}

func (f flowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, line := range f.lines(objs, size.Width) {
		var w float32
		for i, o := range line {
			if i > 0 {
				w += f.gap
			}
			w += o.MinSize().Width
		}
		x, h := max(0, (size.Width-w)/2), lineHeight(line)
		for _, o := range line {
			m := o.MinSize()
			o.Move(fyne.NewPos(x, y+(h-m.Height)/2))
			o.Resize(fyne.NewSize(min(m.Width, size.Width), m.Height))
			x += m.Width + f.gap
		}
		y += h + f.gap
	}
}
