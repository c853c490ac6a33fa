package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// Starting is what the window shows while the kiosk opens its database: on
// a new kiosk that means importing the sample content, several seconds in
// which the screen was black. It says so in every visitor language, since
// none has been chosen yet, with a bar for how far the import has come.
type Starting struct {
	obj fyne.CanvasObject
	bar *widget.ProgressBar
}

// NewStarting makes the starting screen.
func NewStarting(msg *i18n.Messages) *Starting {
	lines := container.NewVBox()
	for _, l := range data.Languages {
		t := canvas.NewText(msg.T(l, "start.preparing"), colorInk)
		t.TextSize = 34
		t.Alignment = fyne.TextAlignCenter
		lines.Add(t)
	}
	s := &Starting{bar: widget.NewProgressBar()}
	s.bar.TextFormatter = func() string { return "" }
	s.bar.Hide() // until an import reports: opening a database is quick
	lines.Add(container.NewGridWrap(fyne.NewSize(640, 24), s.bar))
	s.obj = container.NewStack(canvas.NewRectangle(colorPaper), container.NewCenter(lines))
	return s
}

// Object is the screen to put in the window.
func (s *Starting) Object() fyne.CanvasObject { return s.obj }

// SetProgress shows how much of the work is done, from 0 to 1. Call it on
// the UI goroutine.
func (s *Starting) SetProgress(done float64) {
	s.bar.Show()
	s.bar.SetValue(done)
}
