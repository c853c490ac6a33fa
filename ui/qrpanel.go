package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
)

// qrChoice is one code a visitor can take away: a link (Buy, Sign up,
// Directions) or a VietQR transfer.
type qrChoice struct {
	kind    handoff.Kind
	text    string // exactly what the code holds
	err     error  // why there is no code (a link not on the allow-list, say)
	payee   string // for a transfer: who receives it, shown instead of a URL
	labelID string
	scanID  string
}

// qrPanelWidth is the room a code has: at 1080p it gives 7 pixels or more a
// module for a typical shop link, well over the 6 a phone needs at a metre.
const (
	qrPanelWidth   = 460
	minPxPerModule = 6
)

// qrPanel shows one of a few codes at a time, large, with the exact address
// printed under it so the visitor can check where it goes.
type qrPanel struct {
	e        *env
	itemKind data.Kind
	itemID   string
	choices  []qrChoice
	tabs     []*touchButton
	code     *canvas.Image
	instr    *storyText // how to scan, bold
	check    *storyText // "check the address", over an address
	address  *widget.Label
	tabRow   *fyne.Container
	at       int     // the code on show
	codeMax  float32 // the room for the code, in pixels
	obj      fyne.CanvasObject
}

func (e *env) newQRPanel(kind data.Kind, id string, choices []qrChoice) *qrPanel {
	p := &qrPanel{e: e, itemKind: kind, itemID: id, choices: choices, codeMax: qrPanelWidth}
	e.qr = p
	e.leaving(p.release)
	p.code = canvas.NewImageFromImage(nil)
	p.code.ScaleMode = canvas.ImageScalePixels // crisp modules, never smoothed
	p.code.FillMode = canvas.ImageFillOriginal
	p.instr = newWrappedText("", fyne.TextStyle{Bold: true}, 0, true)
	p.check = newWrappedText("", fyne.TextStyle{}, theme.CaptionTextSize(), true)
	p.check.color = theme.ColorNamePlaceHolder // secondary text, as a caption's
	p.address = body("")
	p.address.Wrapping = fyne.TextWrapBreak // addresses have no spaces to wrap at
	p.address.Alignment = fyne.TextAlignCenter
	tabs := container.NewGridWithColumns(max(1, len(choices)))
	p.tabRow = tabs
	for i, c := range choices {
		i := i
		b := newTouchButton(e.t(c.labelID), nil, styleChip, func() { e.touch(); p.choose(i) })
		p.tabs = append(p.tabs, b)
		tabs.Add(b)
	}
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 16
	bg.StrokeColor, bg.StrokeWidth = colorLine, 2
	box := container.NewVBox(tabs, container.NewCenter(p.code), p.instr, p.check, p.address)
	p.obj = container.NewStack(bg, container.NewPadded(box))
	if len(choices) > 0 {
		p.choose(0)
	}
	return p
}

func (p *qrPanel) object() fyne.CanvasObject { return p.obj }

// release lets go of the code's image when the screen goes: Fyne keeps a
// renderer a while after its screen has gone.
func (p *qrPanel) release() {
	p.code.Image = nil
	p.code.Hide()
}

// setWidth fits the panel to a column width: the tabs side by side where
// their words fit, else one under another.
func (p *qrPanel) setWidth(width float32) {
	var need float32
	for _, t := range p.tabs {
		need = max(need, t.MinSize().Width)
	}
	cols := len(p.tabs)
	if need*float32(cols)+theme.Padding()*float32(cols+3) > width {
		cols = 1
	}
	p.tabRow.Layout = layout.NewGridLayoutWithColumns(max(1, cols))
	p.tabRow.Refresh()
}

// setCodeSize gives the code a different room (a smaller screen), and
// draws it again.
func (p *qrPanel) setCodeSize(px float32) {
	if px == p.codeMax || len(p.choices) == 0 {
		return
	}
	p.codeMax = px
	p.render(p.at)
}

// choose shows the i'th code, because the visitor chose it.
func (p *qrPanel) choose(i int) {
	if p.render(i) {
		c := p.choices[i]
		p.e.record(data.Event{Kind: data.EventQR, QRKind: string(c.kind), ItemKind: p.itemKind, ItemID: p.itemID})
	}
}

// render draws the i'th code and its words; false when there is no code.
func (p *qrPanel) render(i int) bool {
	e := p.e
	p.at = i
	c := p.choices[i]
	for j, t := range p.tabs {
		t.setSelected(j == i)
	}
	p.code.Image = nil
	if c.err == nil {
		img, side, err := qrImage(c.text, p.codeMax)
		if err == nil {
			p.code.Image = img
			p.code.SetMinSize(fyne.NewSquareSize(float32(side)))
		}
		c.err = err
	}
	if p.code.Image == nil {
		p.code.Hide() // Fyne's software painter cannot draw an empty image
	} else {
		p.code.Show()
	}
	p.code.Refresh()
	if c.err != nil {
		fyne.LogError("QR code "+string(c.kind), c.err)
		p.instr.setText(e.t("qr.unavailable"))
		p.check.setText("")
		p.address.SetText("")
		return false
	}
	p.instr.setText(e.t(c.scanID))
	if c.payee != "" {
		// A name breaks between words; an address, having no spaces, anywhere.
		p.address.Wrapping = fyne.TextWrapWord
		p.check.setText("")
		p.address.SetText(c.payee)
		return true
	}
	p.address.Wrapping = fyne.TextWrapBreak
	p.check.setText(e.t("qr.check_url"))
	p.address.SetText(c.text)
	return true
}

// qrImage draws a code as large as room allows, in whole pixels per module.
func qrImage(text string, room float32) (image.Image, int, error) {
	return handoff.ImageToFit(text, int(room), minPxPerModule)
}
