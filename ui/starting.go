package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// StartingScreen is what the window shows while the kiosk opens its
// database: on a new kiosk that means importing the sample content, several
// seconds in which the screen was black. It says so in every visitor
// language, since none has been chosen yet.
func StartingScreen(msg *i18n.Messages) fyne.CanvasObject {
	lines := container.NewVBox()
	for _, l := range data.Languages {
		t := canvas.NewText(msg.T(l, "start.preparing"), colorInk)
		t.TextSize = 34
		t.Alignment = fyne.TextAlignCenter
		lines.Add(t)
	}
	return container.NewStack(canvas.NewRectangle(colorPaper), container.NewCenter(lines))
}
