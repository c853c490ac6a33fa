package ui

import (
	"ocopkiosk/data"
)

// Visitor analytics: anonymous events, handed to a recorder that never
// blocks. A session runs from a visitor's first touch to the idle reset;
// its number is the time it started, which identifies no one and no device.

// visit is the visitor session under way, if any.
type visit struct {
	session       int64
	active        bool
	pendingSearch *data.Event // the search being typed, recorded when the visitor moves on
}

func (k *Kiosk) record(e data.Event) {
	if k.opt.Events == nil || !k.visit.active || k.inStaffMode() {
		return
	}
	e.At = k.opt.Now()
	e.Session = k.visit.session
	if e.Lang == "" {
		e.Lang = k.lang
	}
	k.opt.Events.Record(e)
}

// startVisit begins a session at a visitor's first touch.
func (k *Kiosk) startVisit() {
	if k.visit.active || k.inStaffMode() {
		return
	}
	k.visit = visit{session: k.opt.Now().UnixMilli(), active: true}
	k.record(data.Event{Kind: data.EventSessionStart})
}

// endVisit closes the session at the idle reset.
func (k *Kiosk) endVisit() {
	if !k.visit.active {
		return
	}
	k.flushSearch()
	k.record(data.Event{Kind: data.EventSessionEnd})
	k.visit.active = false
}

// recordView notes the screen being shown.
func (k *Kiosk) recordView(r Route) {
	e := data.Event{Kind: data.EventView, Screen: r.Screen}
	switch r.Screen {
	case ScreenProduct:
		e.ItemKind, e.ItemID = data.KindProduct, r.ID
	case ScreenVillage:
		e.ItemKind, e.ItemID = data.KindVillage, r.ID
	case ScreenTour:
		e.ItemKind, e.ItemID = data.KindTour, r.ID
	}
	k.record(e)
}

// noteSearch remembers what the visitor has typed so far; only the search
// they settle on is recorded, not every letter of it.
func (k *Kiosk) noteSearch(query string, results int) {
	if query == "" {
		k.visit.pendingSearch = nil
		return
	}
	k.visit.pendingSearch = &data.Event{Kind: data.EventSearch, Query: data.Fold(query), Results: results}
}

func (k *Kiosk) flushSearch() {
	if e := k.visit.pendingSearch; e != nil {
		k.visit.pendingSearch = nil
		k.record(*e)
	}
}
