package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// readOnlyNote tells staff, at the top of staff mode, why nothing they do
// there can be saved: the kiosk runs from a read-only disk (Options.ReadOnly).
// Nil when the disk is writable.
func (e *staffEnv) readOnlyNote() fyne.CanvasObject {
	if e.opt.ReadOnly == "" {
		return nil
	}
	text := body(e.st("staff.read_only", "Reason", e.opt.ReadOnly))
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	return staffSection(e.st("staff.title"), text)
}
