package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
)

// auditShown is how many of the newest audit entries the tab lists; the
// whole year is in `ocopkiosk report --audit`.
const auditShown = 200

// auditTab lists what staff did, newest first: time, action, outcome and
// detail, with failures in red.
func (p *staffPanel) auditTab() fyne.CanvasObject {
	k := p.k
	entries, err := k.opt.Staff.AuditLog(k.ctx, k.opt.Now().Add(-data.AuditKeep), time.Time{}, auditShown)
	if err != nil {
		return body(k.st("content.error", "Error", err.Error()))
	}
	rows := container.NewVBox()
	header := auditRow(k.st("audit.time"), k.st("audit.action"), k.st("audit.outcome"), k.st("audit.detail"), colorMutedInk, true)
	for _, e := range entries {
		c := colorInk
		if e.Outcome != data.OutcomeOK {
			c = colorExpired
		}
		rows.Add(auditRow(e.At.Local().Format("2006-01-02 15:04:05"), k.st("audit.action_"+e.Action),
			k.st("audit.outcome_"+e.Outcome), e.Detail, c, false))
	}
	if len(entries) == 0 {
		rows.Add(body(k.st("audit.empty")))
	}
	note := caption(k.st("audit.note"))
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewPadded(container.NewVBox(note, header)), nil, nil, nil,
		k.dragScroll(container.NewPadded(rows)))
}

// auditRow is one line of the table, in fixed columns; the detail takes
// the rest of the width and wraps.
func auditRow(at, action, outcome, detail string, c color.Color, header bool) fyne.CanvasObject {
	cell := func(s string, width float32) fyne.CanvasObject {
		t := coloured(s, c, 20, header)
		return container.NewGridWrap(fyne.NewSize(width, 36), t)
	}
	d := body(detail)
	d.Wrapping = fyne.TextWrapWord
	d.TextStyle.Bold = header
	left := container.NewHBox(cell(at, 230), cell(action, 260), cell(outcome, 170))
	line := canvas.NewRectangle(colorLine)
	line.SetMinSize(fyne.NewSize(1, 1))
	return container.NewVBox(container.NewBorder(nil, nil, left, nil, d), line)
}
