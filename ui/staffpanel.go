package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"ocopkiosk/data"
)

// staffPanel is staff mode once unlocked: content, translations, analytics
// and settings, each a tab, with ways out.
type staffPanel struct {
	k    *Kiosk
	tabs []*touchButton
	body *fyne.Container
	obj  fyne.CanvasObject
	at   int

	content  *contentView  // the Content tab, while shown
	settings *settingsView // the Settings tab, while shown
}

// staffTab is one tab: its title and how to build it.
type staffTab struct {
	titleID string
	build   func(p *staffPanel) fyne.CanvasObject
}

// staffTabs lists the tabs (a function: the tabs' builders refer back to
// it); the Fleet tab only on a kiosk that syncs from a hub (staff_fleet.go).
func staffTabs(k *Kiosk) []staffTab {
	return append([]staffTab{
		{"staff.tab_content", (*staffPanel).contentTab},
		{"staff.tab_translations", (*staffPanel).translationsTab},
		{"staff.tab_analytics", (*staffPanel).analyticsTab},
		{"staff.tab_settings", (*staffPanel).settingsTab},
		{"staff.tab_audit", (*staffPanel).auditTab},
	}, fleetTabs(k)...)
}

func newStaffPanel(k *Kiosk) *staffPanel {
	p := &staffPanel{k: k, body: container.NewStack()}
	bar := container.NewHBox(coloured(k.st("staff.title"), colorGold, 30, true), layout.NewSpacer())
	for i, tab := range staffTabs(k) {
		i := i
		b := newTouchButton(k.st(tab.titleID), nil, styleOnDark, func() { k.Touch(); p.show(i) })
		p.tabs = append(p.tabs, b)
		bar.Add(b)
	}
	bar.Add(layout.NewSpacer())
	bar.Add(newTouchButton(k.st("staff.leave"), nil, styleOnDark, k.leaveStaff))
	bar.Add(newTouchButton(k.st("staff.exit"), nil, styleOnDark, p.confirmExit))
	bg := canvas.NewRectangle(colorInk)
	top := fyne.CanvasObject(container.NewStack(bg, container.NewPadded(bar)))
	if note := k.readOnlyNote(); note != nil { // why nothing here can be saved
		top = container.NewVBox(top, note)
	}
	paper := canvas.NewRectangle(colorPaper)
	// The backdrop under everything takes stray touches as staff activity.
	p.obj = container.NewStack(newBackdrop(colorPaper, k.Touch), container.NewBorder(top, nil, nil, nil,
		container.NewStack(paper, p.body)))
	p.show(0)
	return p
}

func (p *staffPanel) object() fyne.CanvasObject { return p.obj }

// show builds tab i afresh (so it shows current figures).
func (p *staffPanel) show(i int) {
	p.at = i
	for j, t := range p.tabs {
		t.setSelected(j == i)
	}
	p.body.Objects = []fyne.CanvasObject{staffTabs(p.k)[i].build(p)}
	p.body.Refresh()
}

// confirmExit asks whether to exit or restart the kiosk.
func (p *staffPanel) confirmExit() {
	k := p.k
	k.Touch()
	if k.opt.OnExit == nil {
		return
	}
	question := subheading(k.st("staff.exit_confirm"))
	question.Alignment = fyne.TextAlignCenter
	var sheet fyne.CanvasObject
	cancel := newTouchButton(k.st("staff.cancel"), nil, stylePlain, func() {
		k.Touch()
		p.body.Remove(sheet)
	})
	exit := newTouchButton(k.st("staff.exit"), nil, stylePrimary, func() {
		k.audit(data.AuditExit, data.OutcomeOK, "exit")
		k.opt.OnExit(false)
	})
	restart := newTouchButton(k.st("staff.restart"), nil, stylePrimary, func() {
		k.audit(data.AuditExit, data.OutcomeOK, "restart")
		k.opt.OnExit(true)
	})
	card := canvas.NewRectangle(colorCard)
	card.CornerRadius = 20
	box := container.NewVBox(question, container.NewGridWithColumns(3, cancel, restart, exit))
	sheet = container.NewStack(newBackdrop(colorShade, k.Touch), container.NewCenter(
		container.NewGridWrap(fyne.NewSize(900, 240), container.NewStack(card, container.NewPadded(container.NewPadded(box))))))
	p.body.Add(sheet)
}

// staffSection is a titled card in a staff tab.
func staffSection(title string, content ...fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 14
	bg.StrokeColor, bg.StrokeWidth = colorLine, 2
	box := container.NewVBox(sectionTitle(title))
	for _, c := range content {
		box.Add(c)
	}
	return container.NewStack(bg, container.NewPadded(container.NewPadded(box)))
}
