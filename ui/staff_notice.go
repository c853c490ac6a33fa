package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// newStaffNotice is a card over the screen with a title, a message and an
// OK button: what the staff gesture shows on a kiosk with no PIN. It is not
// staff mode: nothing behind it opens.
func newStaffNotice(e *staffEnv, title, message string, onOK func()) fyne.CanvasObject {
	t := subheading(title)
	t.Alignment = fyne.TextAlignCenter
	t.Wrapping = fyne.TextWrapWord
	m := body(message)
	m.Wrapping = fyne.TextWrapWord
	m.Alignment = fyne.TextAlignCenter
	ok := newTouchButton(e.st("staff.ok"), nil, stylePrimary, onOK)
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 24
	box := container.NewVBox(t, m, widget.NewSeparator(), container.NewCenter(container.NewGridWrap(fyne.NewSize(300, 80), ok)))
	card := container.NewStack(bg, container.NewPadded(container.NewPadded(box)))
	// As high as its message needs: the not-set-up notice names a command
	// with the database's path, longer than a fixed box held.
	return container.NewStack(newBackdrop(colorShade, e.touch), newDialogCard(card, 820))
}
