package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
)

// detailParts are what a product or an experience shows: its photos, the
// facts a visitor decides on, the long description, and the QR panel.
type detailParts struct {
	gallery *gallery
	head    fyne.CanvasObject // name, certificate, facts
	desc    fyne.CanvasObject
	qr      *qrPanel
}

// Room for the QR panel beside the rest, by shape.
const (
	qrColumnWide  = qrPanelWidth + 16
	qrColumnSmall = 400
)

// arrangeDetail lays a detail screen out for its room:
//   - wide: photos | facts and description (scrolling) | QR panel;
//   - small: photos beside the facts, the description under them, in one
//     scrolling column; the QR panel beside it with a smaller code;
//   - portrait and square: one scrolling column: photos, then the facts
//     beside the QR panel (at a height a hand reaches), then the description.
func arrangeDetail(e *env, parts detailParts, sh shape, size fyne.Size) fyne.CanvasObject {
	e.mainScroll = nil
	pad := theme.Padding()
	qrBox := func(width float32) fyne.CanvasObject {
		parts.qr.setWidth(width)
		return container.NewStack(fixedWidth(width), parts.qr.object())
	}
	text := container.NewVBox(parts.head, parts.desc)
	switch sh {
	case shapeWide:
		parts.gallery.setSize(fyne.NewSize(760, 570))
		parts.qr.setCodeSize(qrPanelWidth)
		return container.NewBorder(nil, nil, container.NewPadded(parts.gallery.object()),
			e.dragScrollOf(container.NewPadded(qrBox(qrColumnWide-2*pad)), false),
			e.dragScroll(container.NewPadded(text)))
	case shapeSmall:
		// Photos beside the facts, so that name, certificate and price
		// are on screen without scrolling.
		colW := size.Width - qrColumnSmall - 4*pad - scrollbarRoom
		photoW := float32(int(colW * 0.48 / textScale))
		parts.gallery.setSize(fyne.NewSize(photoW, photoW*0.75))
		parts.qr.setCodeSize(qrCodeFor(qrColumnSmall, size.Height))
		top := container.NewBorder(nil, nil, container.NewVBox(parts.gallery.object()), nil, parts.head)
		left := container.NewVBox(top, parts.desc)
		return container.NewBorder(nil, nil, nil,
			e.dragScrollOf(container.NewPadded(qrBox(qrColumnSmall-2*pad)), false),
			e.dragScroll(container.NewPadded(left)))
	}
	w := size.Width - 4*pad - scrollbarRoom
	parts.gallery.setSize(fyne.NewSize(w, min(w*0.66, size.Height*0.4)))
	qrW := min(float32(qrPanelWidth), w*0.45)
	parts.qr.setCodeSize(qrW - 4*pad)
	middle := container.NewBorder(nil, nil, nil, container.NewPadded(qrBox(qrW)), parts.head)
	return e.dragScroll(container.NewPadded(container.NewVBox(parts.gallery.object(), middle, parts.desc)))
}

// qrCodeFor is the code's room in a column of a width on a screen of a
// height: the panel's words take about 330 px under the code and tabs, half
// as much again in large text (at 1366×768 the instructions fell off the
// bottom under a full-width code).
func qrCodeFor(width, height float32) float32 {
	return max(220, min(width-32, height-330*textScale))
}

// dragScrollOf is dragScroll for a column that is not the screen's main
// scroll when main is false.
func (e *env) dragScrollOf(content fyne.CanvasObject, main bool) fyne.CanvasObject {
	s := container.NewVScroll(content)
	if main && e.mainScroll == nil {
		e.mainScroll = scrollAdapter{s}
	}
	return e.withDrag(s, scrollAdapter{s})
}

// untranslated is a small note, in the visitor's language, when any of the
// texts shown is not written in it and falls back to another language; else
// nothing.
func (e *env) untranslated(texts ...data.Text) fyne.CanvasObject {
	for _, t := range texts {
		if len(t) > 0 && !t.Has(e.lang) {
			note := caption("ⓘ " + e.t("content.untranslated"))
			note.TextStyle.Italic = true
			return note
		}
	}
	return container.NewVBox()
}

// fitLeft holds an object at its own width, left-aligned, but never wider
// than the room: a long village name on a button is cut, not pushed off.
func fitLeft(o fyne.CanvasObject) fyne.CanvasObject {
	return &fyne.Container{Layout: fitLeftLayout{}, Objects: []fyne.CanvasObject{o}}
}

type fitLeftLayout struct{}

func (fitLeftLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(minTouch, objs[0].MinSize().Height)
}

func (fitLeftLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(min(objs[0].MinSize().Width, size.Width), objs[0].MinSize().Height))
}
