package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
)

// staffPanel is staff mode once unlocked: content, translations, analytics
// and settings, each a tab, with ways out.
type staffPanel struct {
	env     *staffEnv
	title   *canvas.Text
	tabs    []*touchButton
	actions []fyne.CanvasObject // Leave and Exit
	body    *fyne.Container
	obj     fyne.CanvasObject
	at      int

	content  *contentView  // the Content tab, while shown
	settings *settingsView // the Settings tab, while shown
	fleet    *fleetView    // the Fleet tab, while shown
}

// staffTab is one tab: its title and how to build it.
type staffTab struct {
	titleID string
	build   func(p *staffPanel) fyne.CanvasObject
}

// staffTabs lists the tabs (a function: the tabs' builders refer back to
// it); the Fleet tab only on a kiosk that syncs from a hub (staff_fleet.go).
func staffTabs(e *staffEnv) []staffTab {
	return append([]staffTab{
		{"staff.tab_content", (*staffPanel).contentTab},
		{"staff.tab_translations", (*staffPanel).translationsTab},
		{"staff.tab_analytics", (*staffPanel).analyticsTab},
		{"staff.tab_settings", (*staffPanel).settingsTab},
		{"staff.tab_audit", (*staffPanel).auditTab},
	}, fleetTabs(e)...)
}

func newStaffPanel(e *staffEnv) *staffPanel {
	p := &staffPanel{env: e, body: container.NewStack()}
	p.title = coloured(e.st("staff.title"), colorGold, 30, true)
	for i, tab := range staffTabs(e) {
		i := i
		b := newTouchButton(e.st(tab.titleID), nil, styleOnDark, func() { e.touch(); p.show(i) })
		p.tabs = append(p.tabs, b)
	}
	p.actions = []fyne.CanvasObject{
		newTouchButton(e.st("staff.leave"), nil, styleOnDark, e.host.leaveStaff),
		newTouchButton(e.st("staff.exit"), nil, styleOnDark, p.confirmExit),
	}
	paper := container.NewStack(canvas.NewRectangle(colorPaper), p.body)
	// The backdrop under everything takes stray touches as staff activity.
	p.obj = container.NewStack(newBackdrop(colorPaper, e.touch), newAdaptive(staffBarStep, func(_ shape, size fyne.Size) fyne.CanvasObject {
		top := fyne.CanvasObject(container.NewStack(canvas.NewRectangle(colorInk), container.NewPadded(p.bar(size.Width))))
		if note := e.readOnlyNote(); note != nil { // why nothing here can be saved
			top = container.NewVBox(top, note)
		}
		return container.NewBorder(top, nil, nil, nil, paper)
	}))
	p.show(0)
	return p
}

// staffBarStep is how much the window's width must change for the staff
// bar to be arranged again.
const staffBarStep = 40

// bar is the staff bar for a window width across: the title, the tabs and
// Leave and Exit on one line where they fit; otherwise the title with Leave
// and Exit on one line and the tabs in as many columns as fit below (a
// 1366 px all-in-one, a portrait kiosk, a kiosk in a fleet with six tabs).
func (p *staffPanel) bar(width float32) fyne.CanvasObject {
	gap := theme.Padding()
	var tabsW, tabMax float32
	for _, t := range p.tabs {
		tabsW += t.MinSize().Width + gap
		tabMax = max(tabMax, t.MinSize().Width)
	}
	head := container.NewHBox(p.title, layout.NewSpacer())
	var actionsW float32
	for _, a := range p.actions {
		actionsW += a.MinSize().Width + gap
	}
	if p.title.MinSize().Width+tabsW+actionsW+4*gap <= width {
		for _, t := range p.tabs {
			head.Add(t)
		}
		head.Add(layout.NewSpacer())
		head.Objects = append(head.Objects, p.actions...)
		return head
	}
	head.Objects = append(head.Objects, p.actions...)
	cols, _ := columns(width-2*gap, tabMax, gap)
	tabs := container.NewGridWithColumns(cols)
	for _, t := range p.tabs {
		tabs.Add(t)
	}
	return container.NewVBox(head, tabs)
}

func (p *staffPanel) object() fyne.CanvasObject { return p.obj }

// show builds tab i afresh (so it shows current figures).
func (p *staffPanel) show(i int) {
	p.at = i
	p.fleet = nil
	for j, t := range p.tabs {
		t.setSelected(j == i)
	}
	p.body.Objects = []fyne.CanvasObject{staffTabs(p.env)[i].build(p)}
	p.body.Refresh()
}

// confirmExit asks whether to exit or restart the kiosk.
func (p *staffPanel) confirmExit() {
	e := p.env
	e.touch()
	if e.opt.OnExit == nil {
		return
	}
	question := subheading(e.st("staff.exit_confirm"))
	question.Alignment = fyne.TextAlignCenter
	var sheet fyne.CanvasObject
	cancel := newTouchButton(e.st("staff.cancel"), nil, stylePlain, func() {
		e.touch()
		p.body.Remove(sheet)
	})
	exit := newTouchButton(e.st("staff.exit"), nil, stylePrimary, func() {
		e.audit(data.AuditExit, data.OutcomeOK, "exit")
		e.opt.OnExit(false)
	})
	restart := newTouchButton(e.st("staff.restart"), nil, stylePrimary, func() {
		e.audit(data.AuditExit, data.OutcomeOK, "restart")
		e.opt.OnExit(true)
	})
	card := canvas.NewRectangle(colorCard)
	card.CornerRadius = 20
	box := container.NewVBox(question, container.NewGridWithColumns(3, cancel, restart, exit))
	sheet = container.NewStack(newBackdrop(colorShade, e.touch), container.NewCenter(
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
