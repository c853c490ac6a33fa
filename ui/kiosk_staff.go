package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
)

// What staff mode and the fleet change on the kiosk as a whole: the
// content shown and the settings in effect. Staff tabs reach these through
// staffHost; the fleet sync calls the exported ones from its goroutine.

// reloadContent shows freshly imported content on the visitor screens,
// starting from Home, without leaving staff mode.
func (k *Kiosk) reloadContent() {
	k.places = newVillageIndex(k.ctx, k.cat)
	k.centre, _ = k.cat.PackCentre(k.ctx)
	k.history = []Route{{Screen: ScreenHome}}
	clear(k.session.scroll)
	k.shownEnv = nil
	k.show()
}

// VisitorAway reports whether nobody is using the kiosk, so that the fleet
// may swap its content: the attract loop is running, or the kiosk is at
// rest and untouched for ten seconds, and staff mode is closed. It may be
// called from any goroutine.
func (k *Kiosk) VisitorAway() bool {
	away := false
	fyne.DoAndWait(func() {
		quiet := k.opt.Now().Sub(k.idle.last) >= 10*time.Second
		away = !k.inStaffMode() && (k.idle.attract != nil || k.atRest() && quiet)
	})
	return away
}

// ContentChanged shows content the fleet has just imported, from Home. It
// may be called from any goroutine.
func (k *Kiosk) ContentChanged() {
	fyne.Do(k.reloadContent)
}

// ApplySettings puts settings into effect without a restart.
func (k *Kiosk) ApplySettings(s data.Settings) {
	k.opt.DefaultLang = s.DefaultLang
	if s.StaffLang != "" {
		k.opt.StaffLang = s.StaffLang
	}
	k.opt.Languages = s.Languages
	if _, overridden := k.opt.Overridden["idle"]; !overridden {
		k.opt.IdleTimeout = s.IdleTimeout
	}
	k.opt.AttractInterval = s.AttractInterval
	k.opt.AllowedHosts = s.AllowedHosts
	// The settings' centre id and name each win over the pack's; a name
	// set without an id is shown too (it was ignored until an id was set).
	centre, _ := k.cat.PackCentre(k.ctx)
	if s.CentreID != "" {
		centre.ID = s.CentreID
	}
	if len(s.CentreName) > 0 {
		centre.Name = s.CentreName
	}
	k.centre = centre
	if !slices.Contains(k.opt.Languages, k.lang) {
		k.lang = k.opt.DefaultLang
	}
	k.bar.setLanguages(k.opt.Languages)
	k.show()
}
