package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxPINDigits is the longest PIN (data.ValidPIN checks the rule itself).
const maxPINDigits = 8

// pinPad is an on-screen number pad for the staff PIN: the digits show as
// dots, never as numbers, so nobody reads the PIN over a shoulder.
type pinPad struct {
	k        *Kiosk
	title    *widget.Label
	dots     *canvas.Text
	message  *widget.Label
	digits   string
	onSubmit func(pin string)
	onCancel func()
	obj      fyne.CanvasObject
}

var pinKeySize = fyne.NewSize(150, 96)

func newPINPad(k *Kiosk, title string, onSubmit func(string), onCancel func()) *pinPad {
	p := &pinPad{k: k, onSubmit: onSubmit, onCancel: onCancel}
	p.title = subheading(title)
	p.title.Alignment = fyne.TextAlignCenter
	p.dots = coloured("", colorInk, 56, true)
	p.dots.Alignment = fyne.TextAlignCenter
	p.message = body("")
	p.message.Alignment = fyne.TextAlignCenter
	p.message.Importance = widget.DangerImportance
	keys := container.NewGridWrap(pinKeySize)
	for _, d := range "123456789" {
		keys.Add(p.digitKey(d))
	}
	keys.Add(newTouchButton("", theme.ContentUndoIcon(), stylePlain, p.onDelete))
	keys.Add(p.digitKey('0'))
	keys.Add(newTouchButton(k.t("staff.ok"), nil, stylePrimary, p.onOK))
	cancel := newTouchButton(k.t("staff.cancel"), nil, stylePlain, func() { k.Touch(); onCancel() })
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 24
	box := container.NewVBox(p.title, p.dots, p.message,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(3*pinKeySize.Width+2*8, 4*pinKeySize.Height+3*8), keys)),
		container.NewCenter(container.NewGridWrap(fyne.NewSize(300, 80), cancel)))
	card := container.NewStack(bg, container.NewPadded(container.NewPadded(box)))
	p.obj = container.NewStack(newBackdrop(colorShade, k.Touch), container.NewCenter(container.NewGridWrap(fyne.NewSize(640, 820), card)))
	p.refresh()
	return p
}

func (p *pinPad) digitKey(d rune) fyne.CanvasObject {
	b := newTouchButton(string(d), nil, stylePlain, func() {
		p.k.Touch()
		if len(p.digits) < maxPINDigits {
			p.digits += string(d)
			p.refresh()
		}
	})
	b.textSize = 40
	return b
}

func (p *pinPad) onDelete() {
	p.k.Touch()
	if p.digits != "" {
		p.digits = p.digits[:len(p.digits)-1]
		p.refresh()
	}
}

func (p *pinPad) onOK() {
	p.k.Touch()
	pin := p.digits
	p.digits = ""
	p.refresh()
	p.onSubmit(pin)
}

// ask changes the question (for "enter it again").
func (p *pinPad) ask(title, message string) {
	p.title.SetText(title)
	p.message.SetText(message)
	p.digits = ""
	p.refresh()
}

func (p *pinPad) say(message string) { p.message.SetText(message) }

func (p *pinPad) refresh() {
	p.dots.Text = strings.Repeat("●", len(p.digits)) + strings.Repeat("○", max(0, 4-len(p.digits)))
	p.dots.Refresh()
}

func (p *pinPad) object() fyne.CanvasObject { return p.obj }
