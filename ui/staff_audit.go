package ui

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// auditShown is how many of the newest audit entries the tab lists; the
// whole year is in `ocopkiosk report --audit`.
const auditShown = 200

// auditTab lists what staff did, newest first: time, action, outcome and
// detail, with failures in red.
func (p *staffPanel) auditTab() fyne.CanvasObject {
	e := p.env
	entries, err := e.backend().AuditLog(e.ctx, e.now().Add(-data.AuditKeep), time.Time{}, auditShown)
	if err != nil {
		return body(e.st("content.error", "Error", err.Error()))
	}
	rows := container.NewVBox()
	header := auditRow(e.st("audit.time"), e.st("audit.action"), e.st("audit.outcome"), e.st("audit.detail"), false, true)
	for _, a := range entries {
		rows.Add(auditRow(a.At.Local().Format("2006-01-02 15:04:05"), e.st("audit.action_"+a.Action),
			e.st("audit.outcome_"+a.Outcome), e.auditDetail(a.Action, a.Detail), a.Outcome != data.OutcomeOK, false))
	}
	if len(entries) == 0 {
		rows.Add(body(e.st("audit.empty")))
	}
	note := caption(e.st("audit.note"))
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewPadded(container.NewVBox(note, header)), nil, nil, nil,
		e.dragScroll(container.NewPadded(rows)))
}

// auditRow is one line of the table, in fixed columns; the detail takes
// the rest of the width and wraps.
func auditRow(at, action, outcome, detail string, failed, header bool) fyne.CanvasObject {
	cell := func(s string) *widget.Label {
		l := body(s)
		l.TextStyle.Bold = header
		if failed {
			l.Importance = widget.DangerImportance
		}
		return l
	}
	fixed := func(s string, width float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(width, 44), cell(s))
	}
	d := cell(detail)
	d.Wrapping = fyne.TextWrapWord
	left := container.NewHBox(fixed(at, 290), fixed(action, 260), fixed(outcome, 170))
	line := canvas.NewRectangle(colorLine)
	line.SetMinSize(fyne.NewSize(1, 1))
	return container.NewVBox(container.NewBorder(nil, nil, left, nil, d), line)
}

// auditDetails are the fixed details the kiosk writes, with their message
// ids, so that the log reads in the staff language; other details (file
// names, error messages) are shown as written.
var auditDetails = map[string]string{
	"wrong": "audit.detail_wrong", "tried during a lockout": "audit.detail_locked",
	"timed out": "audit.detail_timed_out", "by hand": "audit.detail_by_hand",
	"exit": "staff.exit", "restart": "staff.restart",
	"at the kiosk, with a setup code": "audit.detail_setup_code", "from the command line": "audit.detail_command_line",
	"the code had expired": "audit.detail_code_expired", "nothing changed": "audit.detail_nothing_changed",
	// settings, as changedSettings names them
	"centre id": "settings.centre_id", "centre name": "settings.centre_name", "default language": "settings.default_lang",
	"languages": "settings.languages", "idle time": "settings.idle", "attract interval": "settings.attract",
	"allowed sites": "settings.hosts", "event retention": "audit.detail_retention", "staff language": "settings.staff_lang",
}

// An import's detail is the pack's file name, after "command line: " for
// one from the command line, and then "(3 problems)" or
// "("Title" version 2)" (cmd/ocopkiosk importDetail, contentView).
var (
	importProblems = regexp.MustCompile(`^(.*) \((\d+) problems\)$`)
	importPack     = regexp.MustCompile(`^(.*) \("(.*)" version (\d+)\)$`)
)

// importAuditDetail is an import's detail in the staff language, the file
// name and the pack's title kept as written.
func (e *staffEnv) importAuditDetail(detail string) string {
	head, tail := detail, ""
	if m := importProblems.FindStringSubmatch(detail); m != nil {
		n, _ := strconv.Atoi(m[2])
		head, tail = m[1], " ("+e.sn("audit.detail_problems", n)+")"
	} else if m := importPack.FindStringSubmatch(detail); m != nil {
		head, tail = m[1], " ("+e.st("audit.detail_pack", "Title", m[2], "Version", m[3])+")"
	}
	if path, ok := strings.CutPrefix(head, "command line: "); ok {
		head = e.st("audit.detail_command_line") + ": " + path
	}
	return head + tail
}

// auditDetail is a stored detail in the staff language, as far as it is
// one the kiosk wrote itself.
func (e *staffEnv) auditDetail(action, detail string) string {
	if until, ok := strings.CutPrefix(detail, "wrong; locked until "); ok {
		return e.st("audit.detail_locked_until", "Time", until)
	}
	if id, ok := auditDetails[detail]; ok {
		return e.st(id)
	}
	if action == data.AuditImport {
		return e.importAuditDetail(detail)
	}
	if action == data.AuditSettings {
		parts := strings.Split(detail, ", ")
		for i, p := range parts {
			if id, ok := auditDetails[p]; ok {
				parts[i] = e.st(id)
			}
		}
		return strings.Join(parts, ", ")
	}
	return detail
}
