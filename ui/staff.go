package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// Staff get in by a gesture a visitor will not make by chance: five taps on
// the title in the top bar within two seconds. Then a PIN pad; with no PIN
// set yet, the pad asks for a new one twice.
const (
	staffTaps       = 5
	staffTapWindow  = 2 * time.Second
	defaultStaffOff = 2 * time.Minute // staff mode leaves itself after this long untouched
)

// staffState is staff mode: the PIN pad or the staff panel, whichever is open.
type staffState struct {
	taps   []time.Time
	pad    *pinPad
	newPIN string // the first entry of a new PIN, waiting for the second
	panel  *staffPanel
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

// openPINPad asks for the staff PIN, or for a new one when none is set.
func (k *Kiosk) openPINPad() {
	if k.opt.Staff == nil {
		return
	}
	has, err := k.opt.Staff.HasPIN(k.ctx)
	if err != nil {
		fyne.LogError("staff PIN", err)
		return
	}
	title := k.t("staff.pin_title")
	if !has {
		title = k.t("staff.pin_new")
	}
	k.hideOverlay()
	k.staff.newPIN = ""
	k.staff.pad = newPINPad(k, title, k.submitPIN, k.leaveStaff)
	k.setOverlay(k.staff.pad.object())
}

func (k *Kiosk) submitPIN(pin string) {
	pad := k.staff.pad
	if pad == nil {
		return
	}
	has, err := k.opt.Staff.HasPIN(k.ctx)
	if err != nil {
		pad.say(k.t("content.error", "Error", err.Error()))
		return
	}
	if !has {
		k.setNewPIN(pin)
		return
	}
	res, err := k.opt.Staff.CheckPIN(k.ctx, pin)
	switch {
	case errors.Is(err, data.ErrNoPIN):
		k.openPINPad()
	case err != nil:
		pad.say(k.t("content.error", "Error", err.Error()))
	case res.OK:
		k.openStaffPanel()
	case res.Locked || !res.LockedUntil.IsZero() && res.LockedUntil.After(k.opt.Now()):
		pad.say(k.t("staff.pin_locked", "Time", res.LockedUntil.Local().Format("15:04:05")))
	default:
		pad.say(k.n("staff.pin_wrong", res.AttemptsLeft))
	}
}

// setNewPIN takes a new PIN, asked twice.
func (k *Kiosk) setNewPIN(pin string) {
	pad := k.staff.pad
	if err := data.ValidPIN(pin); err != nil {
		pad.ask(k.t("staff.pin_new"), k.t("staff.pin_invalid"))
		k.staff.newPIN = ""
		return
	}
	if k.staff.newPIN == "" {
		k.staff.newPIN = pin
		pad.ask(k.t("staff.pin_again"), "")
		return
	}
	if pin != k.staff.newPIN {
		k.staff.newPIN = ""
		pad.ask(k.t("staff.pin_new"), k.t("staff.pin_mismatch"))
		return
	}
	k.staff.newPIN = ""
	if err := k.opt.Staff.SetPIN(k.ctx, pin); err != nil {
		pad.say(k.t("content.error", "Error", err.Error()))
		return
	}
	k.openStaffPanel()
}

func (k *Kiosk) openStaffPanel() {
	k.staff.pad = nil
	k.staff.panel = newStaffPanel(k)
	k.overlay.Objects = []fyne.CanvasObject{k.staff.panel.object()}
	k.overlay.Refresh()
}

// leaveStaff closes staff mode and returns to the visitor screens.
func (k *Kiosk) leaveStaff() {
	k.hideOverlay()
	k.Touch()
}

// StaffPanelOpen reports whether staff mode is unlocked (for tests).
func (k *Kiosk) StaffPanelOpen() bool { return k.staff.panel != nil }
