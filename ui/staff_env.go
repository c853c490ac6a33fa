package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
)

// staffHost is what staff mode's tabs ask of the kiosk itself: the few
// things that change the visitor screens or staff mode as a whole. The
// kiosk is one; a tab reaches nothing else of it.
type staffHost interface {
	// reloadContent shows freshly imported content on the visitor screens.
	reloadContent()
	// ApplySettings puts saved settings into effect.
	ApplySettings(s data.Settings)
	// leaveStaff closes staff mode (the Leave button).
	leaveStaff()
	// reopenStaffPanel builds staff mode again on tab at (after the staff
	// language changed) and returns the new panel.
	reopenStaffPanel(at int) *staffPanel
	// openPanel is the staff panel on screen, nil once staff mode closed.
	openPanel() *staffPanel
}

// staffEnv is everything a staff tab may use: the staff backend and the
// kiosk's options, the staff language and the kiosk's words, the clock,
// the session's guard and the audit log, and the host for what changes
// the kiosk. Made when staff mode opens (Kiosk.newStaffEnv).
type staffEnv struct {
	ctx context.Context
	// session is the staff session's context, cancelled when staff mode
	// closes: long work (an import) runs under it.
	session context.Context
	opt     *Options // the kiosk's options, as ApplySettings keeps them; read only here
	msg     *i18n.Messages
	host    staffHost
	// touch reports staff activity (staff mode times out without it).
	touch func()
	// guard notes the staff session now open; see Kiosk.staffGuard.
	guard  func() func(f func()) func()
	audit  func(action, outcome, detail string)
	motion *motion
	// lastFolder is where staff last chose a pack or a folder in the
	// content picker, kept while the kiosk runs.
	lastFolder *string
}

// newStaffEnv is what staff mode's tabs get to work with.
func (k *Kiosk) newStaffEnv() *staffEnv {
	session := k.staff.sessionCtx
	if session == nil {
		session = k.ctx
	}
	return &staffEnv{ctx: k.ctx, session: session, opt: &k.opt, msg: k.msg, host: k,
		touch: k.Touch, guard: k.staffGuard, audit: k.audit, motion: k.motion, lastFolder: &k.staff.lastFolder}
}

// lang is the staff language: Vietnamese unless set otherwise, whatever
// language the visitor left the kiosk in.
func (e *staffEnv) lang() data.Lang { return e.opt.StaffLang }

// st looks up a staff message in the staff language.
func (e *staffEnv) st(id string, args ...any) string { return e.msg.T(e.lang(), id, args...) }

// sn is st for a plural message.
func (e *staffEnv) sn(id string, count int, args ...any) string {
	return e.msg.N(e.lang(), id, count, args...)
}

// backend is the staff backend (Options.Staff).
func (e *staffEnv) backend() StaffBackend { return e.opt.Staff }

// now is the kiosk's clock.
func (e *staffEnv) now() time.Time { return e.opt.Now() }

// dragScroll is a drag-scrolled column for a staff tab.
func (e *staffEnv) dragScroll(content fyne.CanvasObject) fyne.CanvasObject {
	s := container.NewVScroll(content)
	return withDrag(s, scrollAdapter{s}, e.touch, e.opt.Animate, e.motion, nil)
}

// reopenStaffPanel builds staff mode again on tab at; see staffHost.
func (k *Kiosk) reopenStaffPanel(at int) *staffPanel {
	k.openStaffPanel()
	k.staff.panel.show(at)
	return k.staff.panel
}

// openPanel is the staff panel on screen, if any; see staffHost.
func (k *Kiosk) openPanel() *staffPanel { return k.staff.panel }
