package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data/fleet"
)

// FleetSync is what the kiosk needs of the fleet sync (fleet.Syncer): its
// state for staff mode, and the staff's Roll back.
type FleetSync interface {
	View() fleet.View
	RollBack(ctx context.Context, who string) error
}

// fleetView is the Fleet tab: where the kiosk syncs from, what it shows,
// what it refused and why, and the Roll back button.
type fleetView struct {
	p      *staffPanel
	result *widget.Label
	shown  string // the sync state drawn (fmt.Sprint of the View), to notice a change
	asking bool   // the roll back question is up: no redraw under it
}

// rollBackStarted, when set (by tests), is given each roll back's done
// channel.
var rollBackStarted func(done <-chan struct{})

// fleetTabs is the Fleet tab, on a kiosk that syncs from a hub.
func fleetTabs(e *staffEnv) []staffTab {
	if e.opt.Fleet == nil {
		return nil
	}
	return []staffTab{{"staff.tab_fleet", (*staffPanel).fleetTab}}
}

func (p *staffPanel) fleetTab() fyne.CanvasObject { return p.fleetTabWith("") }

// fleetTabWith is the Fleet tab with a line saying what staff just did.
func (p *staffPanel) fleetTabWith(result string) fyne.CanvasObject {
	e := p.env
	s := e.opt.Fleet.View()
	v := &fleetView{p: p, result: body(result), shown: fmt.Sprint(s)}
	p.fleet = v
	if !s.Joined {
		return container.NewPadded(body(e.st("fleet.not_joined")))
	}
	v.result.TextStyle.Bold = true
	return e.dragScroll(container.NewPadded(v.build(s)))
}

// refreshFleet draws the Fleet tab again when the sync state has changed
// since it was drawn (a pack arrived, the hub went away), unless staff are
// answering the roll back question. CheckIdle calls it every second.
func (p *staffPanel) refreshFleet() {
	v := p.fleet
	if v == nil || v.asking || fmt.Sprint(p.env.opt.Fleet.View()) == v.shown {
		return
	}
	p.body.Objects = []fyne.CanvasObject{p.fleetTabWith(v.result.Text)}
	p.body.Refresh()
}

func (v *fleetView) build(s fleet.View) fyne.CanvasObject {
	e := v.p.env
	when := e.st("fleet.never")
	if !s.LastCheck.IsZero() {
		when = s.LastCheck.Local().Format("2006-01-02 15:04:05")
	}
	state := container.NewVBox(
		body(e.st("fleet.where", "Kiosk", s.KioskID, "Centre", s.Centre, "Hub", s.Hub)),
		body(e.st("fleet.last_check", "When", when, "Result", e.st(stateID(s)))))
	if s.LastError.Format != "" {
		// Wrapped: a hub's path and what to check run wider than a screen.
		problem := body(e.st("fleet.problem", "Error", e.msg.Say(e.lang(), s.LastError)))
		problem.Importance = widget.DangerImportance
		problem.TextStyle.Bold = true
		state.Add(problem)
	}
	if s.Waiting.Format != "" {
		state.Add(body(e.st("fleet.waiting", "What", e.msg.Say(e.lang(), s.Waiting))))
	}
	if s.RolledBack {
		state.Add(body(e.st("fleet.rolled_back")))
	}
	box := container.NewVBox(staffSection(e.st("staff.tab_fleet"), state),
		container.NewGridWithColumns(2,
			staffSection(e.st("fleet.showing"), body(v.packLine(s.Current))),
			staffSection(e.st("fleet.previous"), body(v.packLine(s.Previous)))))
	refused := container.NewVBox()
	if len(s.Refused) == 0 {
		refused.Add(body(e.st("fleet.refused_none")))
	}
	for _, r := range s.Refused {
		name := r.Folder
		if r.PackID != "" {
			name = fmt.Sprintf("%s v%d", r.PackID, r.Version)
		}
		refused.Add(body(e.st("fleet.reason."+r.Reason, "Pack", name)))
		refused.Add(caption(r.Message)) // the exact words, for the office
	}
	box.Add(staffSection(e.st("fleet.refused"), refused))
	// Without an earlier pack there is nothing to go back to: no button.
	var back fyne.CanvasObject
	if s.CanRollBack {
		back = container.NewGridWrap(fyne.NewSize(360, minTouch),
			newTouchButton(e.st("fleet.rollback"), nil, stylePrimary, func() { v.confirmRollBack(s.Previous) }))
	}
	box.Add(container.NewBorder(nil, nil, back, nil, v.result))
	return box
}

func (v *fleetView) packLine(p *fleet.Kept) string {
	e := v.p.env
	if p == nil {
		return e.st("fleet.none")
	}
	return e.st("fleet.pack", "Pack", p.Name(), "Title", p.Title, "When", p.AppliedAt.Local().Format("2006-01-02 15:04"))
}

// confirmRollBack asks before going back: a rollback is a staff decision.
func (v *fleetView) confirmRollBack(to *fleet.Kept) {
	e, p := v.p.env, v.p
	e.touch()
	if to == nil {
		return
	}
	question := subheading(e.st("fleet.rollback_confirm", "Pack", to.Name()))
	question.Wrapping = fyne.TextWrapWord
	question.Alignment = fyne.TextAlignCenter
	var sheet fyne.CanvasObject
	v.asking = true
	cancel := newTouchButton(e.st("staff.cancel"), nil, stylePlain, func() { e.touch(); v.asking = false; p.body.Remove(sheet) })
	ok := newTouchButton(e.st("fleet.rollback"), nil, stylePrimary, func() {
		e.touch()
		v.asking = false
		p.body.Remove(sheet)
		done := v.rollBack(to)
		if rollBackStarted != nil {
			rollBackStarted(done)
		}
	})
	card := canvas.NewRectangle(colorCard)
	card.CornerRadius = 20
	box := container.NewVBox(question, container.NewGridWithColumns(2, cancel, ok))
	inner := container.NewPadded(container.NewPadded(box))
	// As high as the question and buttons need at that width, no more.
	const width = 900
	inner.Resize(fyne.NewSize(width, inner.MinSize().Height)) // the question wraps at this width
	height := inner.MinSize().Height
	sheet = container.NewStack(newBackdrop(colorShade, e.touch), container.NewCenter(
		container.NewGridWrap(fyne.NewSize(width, height), container.NewStack(card, inner))))
	p.body.Add(sheet)
}

// rollBack imports the previous pack off the UI goroutine (a national
// pack takes longer than the watchdog would wait for a frozen screen), then
// shows the tab again with the outcome; the visitor screens start again from
// Home with that content. The channel closes when it is done.
func (v *fleetView) rollBack(to *fleet.Kept) <-chan struct{} {
	e, p := v.p.env, v.p
	v.result.SetText(e.st("fleet.rolling_back", "Pack", to.Name()))
	done := make(chan struct{})
	go func() {
		defer close(done)
		err := e.opt.Fleet.RollBack(e.ctx, "staff at the kiosk")
		fyne.DoAndWait(func() {
			result := e.st("fleet.rollback_done", "Pack", to.Name())
			if err != nil {
				result = e.st("fleet.rollback_failed", "Error", e.sayError(err))
			} else {
				e.host.reloadContent()
			}
			if e.host.openPanel() == p {
				p.body.Objects = []fyne.CanvasObject{p.fleetTabWith(result)}
				p.body.Refresh()
			}
		})
	}()
	return done
}

// stateID is the message for how the last check went, in the staff's
// language (the details, in English for the office, are in status.json).
func stateID(s fleet.View) string {
	if s.LastError.Format != "" {
		return "fleet.state_problem"
	}
	return "fleet.state_ok"
}
