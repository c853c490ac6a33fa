package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rect is an area of the window, in window coordinates.
type rect struct{ x0, y0, x1, y1 float32 }

func (r rect) intersect(o rect) rect {
	return rect{max(r.x0, o.x0), max(r.y0, o.y0), min(r.x1, o.x1), min(r.y1, o.y1)}
}
func (r rect) empty() bool { return r.x1-r.x0 < 1 || r.y1-r.y0 < 1 }

// overlaps reports whether two areas share more than a pixel each way:
// the edges of neighbours touch.
func (r rect) overlaps(o rect) bool {
	i := r.intersect(o)
	return i.x1-i.x0 > 1.5 && i.y1-i.y0 > 1.5
}

func (r rect) String() string {
	return fmt.Sprintf("(%.0f,%.0f)-(%.0f,%.0f)", r.x0, r.y0, r.x1, r.y1)
}

// placed is one object on screen: where it is, and the part of the window
// it can be seen through (the window, or the scroll it is in).
type placed struct {
	obj      fyne.CanvasObject
	at       rect
	clip     rect
	scrolled bool // in a vertical scroll, which may hide it above or below
	layer    int  // 0 the page, 1 an overlay over it
}

// placeAll lists every visible object with its place in the window.
func placeAll(root fyne.CanvasObject, size fyne.Size) []placed {
	var out []placed
	var visit func(o fyne.CanvasObject, origin fyne.Position, clip rect, scrolled bool, layer int)
	visit = func(o fyne.CanvasObject, origin fyne.Position, clip rect, scrolled bool, layer int) {
		if o == nil || !o.Visible() {
			return
		}
		pos := origin.Add(o.Position())
		at := rect{pos.X, pos.Y, pos.X + o.Size().Width, pos.Y + o.Size().Height}
		out = append(out, placed{obj: o, at: at, clip: clip, scrolled: scrolled, layer: layer})
		var children []fyne.CanvasObject
		switch x := o.(type) {
		case *fyne.Container:
			children = x.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(x).Objects()
		}
		if _, ok := o.(*container.Scroll); ok {
			clip, scrolled = clip.intersect(at), true
		}
		for i, c := range children {
			l := layer
			if o == overlayHolder {
				l = 1
			}
			_ = i
			visit(c, pos, clip, scrolled, l)
		}
	}
	visit(root, fyne.NewPos(0, 0), rect{0, 0, size.Width, size.Height}, false, 0)
	return out
}

// overlayHolder is the kiosk's overlay container while placeAll runs.
var overlayHolder fyne.CanvasObject

// inkRect is where a text's letters are: canvas.Text draws its string from
// its left edge, centred or right-aligned within its box as asked.
func inkRect(t *canvas.Text, at rect) rect {
	w := t.MinSize().Width
	x := at.x0
	switch t.Alignment {
	case fyne.TextAlignCenter:
		x = at.x0 + (at.x1-at.x0-w)/2
	case fyne.TextAlignTrailing:
		x = at.x1 - w
	}
	h := t.MinSize().Height
	return rect{x, at.y0, x + w, at.y0 + h}
}

// layoutFaults checks a rendered kiosk: no text or control outside the
// window or past the side of its scroll, no text over another text, no
// control over another control.
func layoutFaults(k *Kiosk, size fyne.Size) []string {
	overlayHolder = k.overlay
	all := placeAll(k.Root(), size)
	var faults []string
	type item struct {
		what  string
		ink   rect
		layer int
	}
	var textsOn, controls []item
	for _, p := range all {
		var ink rect
		var what string
		switch x := p.obj.(type) {
		case *canvas.Text:
			if strings.TrimSpace(x.Text) == "" {
				continue
			}
			ink, what = inkRect(x, p.at), fmt.Sprintf("text %q", x.Text)
		case *touchButton:
			ink, what = p.at, fmt.Sprintf("button %q", x.text)
		case *tapCard:
			ink, what = p.at, "card"
		default:
			continue
		}
		visible := ink.intersect(p.clip)
		if visible.empty() {
			if !p.scrolled {
				faults = append(faults, fmt.Sprintf("%s at %v is outside the window", what, ink))
			}
			continue // scrolled out of sight
		}
		// Within its scroll's width, and (outside scrolls) within the window.
		if ink.x0 < p.clip.x0-1 || ink.x1 > p.clip.x1+1 || (!p.scrolled && (ink.y0 < p.clip.y0-1 || ink.y1 > p.clip.y1+1)) {
			faults = append(faults, fmt.Sprintf("%s at %v is cut by its view %v", what, ink, p.clip))
		}
		it := item{what: what, ink: visible, layer: p.layer}
		if _, ok := p.obj.(*canvas.Text); ok {
			textsOn = append(textsOn, it)
		} else {
			controls = append(controls, it)
		}
	}
	check := func(list []item) {
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				a, b := list[i], list[j]
				if a.layer == b.layer && a.ink.overlaps(b.ink) && !contains(a.ink, b.ink) && !contains(b.ink, a.ink) {
					faults = append(faults, fmt.Sprintf("%s at %v overlaps %s at %v", a.what, a.ink, b.what, b.ink))
				}
			}
		}
	}
	check(textsOn)
	check(controls)
	return faults
}

// contains reports whether a holds b (a button on its card is not an overlap).
func contains(a, b rect) bool {
	return b.x0 >= a.x0-1 && b.y0 >= a.y0-1 && b.x1 <= a.x1+1 && b.y1 <= a.y1+1
}

// visibleText reports whether a text containing s is on screen, unclipped.
func visibleText(k *Kiosk, size fyne.Size, s string) bool {
	overlayHolder = k.overlay
	for _, p := range placeAll(k.Root(), size) {
		var text string
		switch x := p.obj.(type) {
		case *canvas.Text:
			text = x.Text
		default:
			continue
		}
		if strings.Contains(text, s) {
			ink := inkRect(p.obj.(*canvas.Text), p.at)
			if contains(p.clip, ink) {
				return true
			}
		}
	}
	return false
}

// visibleQR reports whether the screen's QR code is drawn whole on screen.
func visibleQR(k *Kiosk, size fyne.Size) bool {
	if k.shownEnv == nil || k.shownEnv.qr == nil {
		return false
	}
	code := k.shownEnv.qr.code
	overlayHolder = k.overlay
	for _, p := range placeAll(k.Root(), size) {
		if p.obj == code {
			return code.Image != nil && contains(p.clip, p.at) && p.at.x1-p.at.x0 >= 200
		}
	}
	return false
}

// visibleLabel reports whether a label showing exactly s is on screen whole.
func visibleLabel(k *Kiosk, size fyne.Size, s string) bool {
	overlayHolder = k.overlay
	for _, p := range placeAll(k.Root(), size) {
		if l, ok := p.obj.(*widget.Label); ok && l.Text == s && contains(p.clip, p.at) {
			return true
		}
		if t, ok := p.obj.(*storyText); ok && t.text() == s && contains(p.clip, p.at) {
			return true
		}
	}
	return false
}
