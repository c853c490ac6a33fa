package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// readOnlyNote tells staff, at the top of staff mode, why nothing they do
// there can be saved: the kiosk runs from a read-only disk (Options.ReadOnly).
// Nil when the disk is writable.
func (k *Kiosk) readOnlyNote() fyne.CanvasObject {
	if k.opt.ReadOnly == "" {
		return nil
	}
	text := body(k.t("staff.read_only", "Reason", k.opt.ReadOnly))
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	return staffSection(k.t("staff.title"), text)
}
