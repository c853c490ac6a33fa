package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	instr    *widget.Label
	check    *widget.Label
	address  *widget.Label
	obj      fyne.CanvasObject
}

func (e *env) newQRPanel(kind data.Kind, id string, choices []qrChoice) *qrPanel {
	p := &qrPanel{e: e, itemKind: kind, itemID: id, choices: choices}
	e.qr = p
	e.leaving(p.release)
	p.code = canvas.NewImageFromImage(nil)
	p.code.ScaleMode = canvas.ImageScalePixels // crisp modules, never smoothed
	p.code.FillMode = canvas.ImageFillOriginal
	p.instr = body("")
	p.instr.TextStyle.Bold = true
	p.instr.Alignment = fyne.TextAlignCenter
	p.check = caption("")
	p.check.Alignment = fyne.TextAlignCenter
	p.address = body("")
	p.address.Wrapping = fyne.TextWrapBreak // addresses have no spaces to wrap at
	p.address.Alignment = fyne.TextAlignCenter
	tabs := container.NewGridWithColumns(max(1, len(choices)))
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

// choose shows the i'th code.
func (p *qrPanel) choose(i int) {
	e := p.e
	c := p.choices[i]
	for j, t := range p.tabs {
		t.setSelected(j == i)
	}
	p.code.Image = nil
	if c.err == nil {
		img, side, err := qrImage(c.text)
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
		p.instr.SetText(e.t("qr.unavailable"))
		p.check.SetText("")
		p.address.SetText("")
		return
	}
	p.instr.SetText(e.t(c.scanID))
	e.record(data.Event{Kind: data.EventQR, QRKind: string(c.kind), ItemKind: p.itemKind, ItemID: p.itemID})
	if c.payee != "" {
		p.check.SetText("")
		p.address.SetText(c.payee)
		return
	}
	p.check.SetText(e.t("qr.check_url"))
	p.address.SetText(c.text)
}

// qrImage draws a code as large as the panel allows, in whole pixels per module.
func qrImage(text string) (image.Image, int, error) {
	return handoff.ImageToFit(text, qrPanelWidth, minPxPerModule)
}
