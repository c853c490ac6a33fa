package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// Staff get in by a gesture a visitor will not make by chance: five taps on
// the title in the top bar within two seconds. Then a PIN pad. A kiosk with
// no PIN lets nobody in: the gesture only says how to set one up, unless a
// one-time setup code (`ocopkiosk setup-code`) is waiting, which the pad
// then asks for before the new PIN.
const (
	staffTaps       = 5
	staffTapWindow  = 2 * time.Second
	defaultStaffOff = 2 * time.Minute // staff mode leaves itself after this long untouched
)

// padStep is what the PIN pad is asking for.
type padStep int

const (
	askPIN      padStep = iota // the staff PIN
	askCode                    // the one-time setup code
	askNewPIN                  // a new PIN (after a right setup code)
	askPINAgain                // the new PIN again
)

// staffState is staff mode: the PIN pad or the staff panel, whichever is open.
type staffState struct {
	taps   []time.Time
	pad    *pinPad
	step   padStep
	newPIN string // the first entry of a new PIN, waiting for the second
	panel  *staffPanel
	notice bool // "staff mode is not set up" is on screen

	// session counts staff sessions: a callback that started in one (an
	// import finishing, a picker choosing) checks it is still the current
	// one before it acts, so that nothing happens after staff mode closed.
	session int
	// cancel stops the session's background work (an import) when staff
	// mode closes.
	sessionCtx context.Context
	cancel     context.CancelFunc
	// byHand is set while staff leave by the Leave button, for the log.
	byHand bool
	// lastFolder is where the content picker was last used (staffEnv).
	lastFolder string
}

// inStaffMode reports whether the PIN pad or the staff panel is open.
func (k *Kiosk) inStaffMode() bool { return k.staff.pad != nil || k.staff.panel != nil }

// titleTapped counts taps on the top bar's title towards the staff gesture.
func (k *Kiosk) titleTapped() {
	k.Touch()
	now := k.opt.Now()
	recent := k.staff.taps[:0]
	for _, t := range k.staff.taps {
		if now.Sub(t) < staffTapWindow {
			recent = append(recent, t)
		}
	}
	k.staff.taps = append(recent, now)
	if len(k.staff.taps) >= staffTaps {
		k.staff.taps = nil
		k.openPINPad()
	}
}

// openPINPad asks for the staff PIN; with none set, for the setup code if
// one is waiting, else it only says how to set staff mode up.
func (k *Kiosk) openPINPad() {
	if k.opt.Staff == nil {
		return
	}
	has, err := k.opt.Staff.HasPIN(k.ctx)
	if err != nil {
		fyne.LogError("staff PIN", err)
		return
	}
	step, title := askPIN, k.st("staff.pin_title")
	if !has {
		code, err := k.opt.Staff.HasSetupCode(k.ctx)
		if err != nil {
			fyne.LogError("staff setup code", err)
		}
		if !code {
			k.showNotSetUp()
			return
		}
		step, title = askCode, k.st("staff.code_title")
	}
	k.hideOverlay()
	k.beginStaffSession()
	k.staff.step, k.staff.newPIN = step, ""
	k.staff.pad = newPINPad(k, title, k.submitPIN, k.leaveStaff)
	if step == askCode {
		k.staff.pad.expect(data.SetupCodeDigits)
	}
	k.setOverlay(k.staff.pad.object())
	// A lockout still running from before shows at once, keys disabled.
	if res, err := k.opt.Staff.PINLockout(k.ctx); err == nil && res.After(k.opt.Now()) {
		k.staff.pad.lock(res)
	}
}

// showNotSetUp tells whoever made the gesture on a kiosk with no PIN how
// staff mode is set up, and lets nobody in.
func (k *Kiosk) showNotSetUp() {
	k.hideOverlay()
	k.staff.notice = true
	k.setOverlay(newStaffNotice(k.newStaffEnv(), k.st("staff.not_set_up_title"), k.st("staff.not_set_up",
		"SetPIN", "ocopkiosk set-pin"+k.opt.DBFlag, "SetupCode", "ocopkiosk setup-code"+k.opt.DBFlag), func() {
		k.staff.notice = false
		k.hideOverlay()
		k.Touch()
	}))
}

func (k *Kiosk) submitPIN(pin string) {
	pad := k.staff.pad
	if pad == nil {
		return
	}
	switch k.staff.step {
	case askPIN:
		res, err := k.opt.Staff.CheckPIN(k.ctx, pin)
		if errors.Is(err, data.ErrNoPIN) {
			k.openPINPad()
			return
		}
		k.afterCheck(res, err, data.AuditSignIn, "staff.pin_wrong", k.openStaffPanel)
	case askCode:
		res, err := k.opt.Staff.CheckSetupCode(k.ctx, pin)
		if errors.Is(err, data.ErrNoSetupCode) {
			k.audit(data.AuditSetupCode, data.OutcomeFailed, "the code had expired")
			pad.say(k.st("staff.code_expired"))
			return
		}
		k.afterCheck(res, err, data.AuditSetupCode, "staff.code_wrong", func() {
			k.staff.step = askNewPIN
			pad.expect(data.MinPINDigits)
			pad.ask(k.st("staff.pin_new"), "")
		})
	case askNewPIN, askPINAgain:
		k.setNewPIN(pin)
	}
}

// afterCheck acts on a PIN or setup code check: opens on a right one,
// counts down a lockout, or says how many tries are left. Each outcome goes
// into the audit log under action.
func (k *Kiosk) afterCheck(res data.PINResult, err error, action, wrongID string, onOK func()) {
	pad := k.staff.pad
	switch {
	case err != nil:
		pad.say(k.st("content.error", "Error", err.Error()))
	case res.OK:
		k.audit(action, data.OutcomeOK, "")
		onOK()
	case res.Locked:
		k.audit(action, data.OutcomeLocked, "tried during a lockout")
		pad.lock(res.LockedUntil)
	case !res.LockedUntil.IsZero():
		k.audit(action, data.OutcomeFailed, "wrong; locked until "+res.LockedUntil.Local().Format("15:04:05"))
		pad.lock(res.LockedUntil)
	default:
		k.audit(action, data.OutcomeFailed, "wrong")
		pad.say(k.sn(wrongID, res.AttemptsLeft))
	}
}

// setNewPIN takes a new PIN, asked twice.
func (k *Kiosk) setNewPIN(pin string) {
	pad := k.staff.pad
	if err := data.ValidPIN(pin); err != nil {
		k.staff.step, k.staff.newPIN = askNewPIN, ""
		pad.ask(k.st("staff.pin_new"), k.st("staff.pin_invalid"))
		return
	}
	if k.staff.step == askNewPIN {
		k.staff.step, k.staff.newPIN = askPINAgain, pin
		pad.ask(k.st("staff.pin_again"), "")
		return
	}
	if pin != k.staff.newPIN {
		k.staff.step, k.staff.newPIN = askNewPIN, ""
		pad.ask(k.st("staff.pin_new"), k.st("staff.pin_mismatch"))
		return
	}
	k.staff.newPIN = ""
	if err := k.opt.Staff.SetPIN(k.ctx, pin); err != nil {
		pad.say(k.st("content.error", "Error", err.Error()))
		return
	}
	k.audit(data.AuditSetPIN, data.OutcomeOK, "at the kiosk, with a setup code")
	k.openStaffPanel()
}

func (k *Kiosk) openStaffPanel() {
	k.staff.pad = nil
	k.staff.panel = newStaffPanel(k.newStaffEnv())
	k.overlay.Objects = []fyne.CanvasObject{k.staff.panel.object()}
	k.overlay.Refresh()
}

// beginStaffSession starts a new staff session; see staffState.session.
func (k *Kiosk) beginStaffSession() {
	k.staff.session++
	ctx, cancel := context.WithCancel(k.ctx)
	k.staff.sessionCtx, k.staff.cancel = ctx, cancel
}

// endStaffSession closes staff mode: whatever staff had open (the picker,
// a dialog, the keyboard) goes with the panel, background work is
// cancelled, and callbacks from the session find it over. hideOverlay
// calls it, so a timeout, a reset and the Leave button all come here.
func (k *Kiosk) endStaffSession() {
	if k.staff.panel != nil {
		how := "timed out"
		if k.staff.byHand {
			how = "by hand"
		}
		k.audit(data.AuditSignOut, data.OutcomeOK, how)
	}
	if k.staff.cancel != nil {
		k.staff.cancel()
		k.staff.cancel = nil
	}
	k.staff.session++
	k.staff.pad, k.staff.panel, k.staff.newPIN, k.staff.notice, k.staff.byHand = nil, nil, "", false, false
}

// staffGuard notes the staff session now open and returns a wrapper: the
// functions it wraps run only while that session is still open. Call it on
// the UI goroutine when the work starts (a picker opens, an import begins).
func (k *Kiosk) staffGuard() func(f func()) func() {
	session := k.staff.session
	return func(f func()) func() {
		return func() {
			if k.staff.session == session && k.staff.panel != nil {
				f()
			}
		}
	}
}

// leaveStaff closes staff mode and leaves the kiosk as the next visitor
// should find it: Home, in the default language, normal text (it showed
// the last visitor's language and screen).
func (k *Kiosk) leaveStaff() {
	k.staff.byHand = true
	k.Reset()
	k.Touch()
}

// audit writes one line to the audit log; a failure is only logged, since
// staff cannot act on it at the kiosk.
func (k *Kiosk) audit(action, outcome, detail string) {
	if k.opt.Staff == nil {
		return
	}
	if err := k.opt.Staff.Audit(k.ctx, action, outcome, detail); err != nil {
		fyne.LogError("audit log", err)
	}
}

// st looks up a staff message in the staff language (Vietnamese unless
// set otherwise), whatever language the visitor left the kiosk in.
func (k *Kiosk) st(id string, args ...any) string { return k.msg.T(k.opt.StaffLang, id, args...) }

// sn is st for a plural message.
func (k *Kiosk) sn(id string, count int, args ...any) string {
	return k.msg.N(k.opt.StaffLang, id, count, args...)
}

// StaffPanelOpen reports whether staff mode is unlocked (for tests).
func (k *Kiosk) StaffPanelOpen() bool { return k.staff.panel != nil }
