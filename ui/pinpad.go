package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// maxPINDigits is the longest entry the pad takes (data.ValidPIN checks the
// rule for a new PIN itself).
const maxPINDigits = data.MaxPINDigits

// pinPad is an on-screen number pad for the staff PIN, in the staff
// language: the digits show as dots, never as numbers, so nobody reads the
// PIN over a shoulder. During a lockout its keys are greyed out and a
// countdown says when it opens again, in a message line whose height never
// changes, so the keys never move under a finger.
type pinPad struct {
	k           *Kiosk
	title       *widget.Label
	dots        *canvas.Text
	message     *widget.Label
	keys        []*touchButton
	digits      string
	length      int // the dots shown before any digit: the length expected
	lockedUntil time.Time
	onSubmit    func(pin string)
	onCancel    func()
	obj         fyne.CanvasObject
}

var pinKeySize = fyne.NewSize(150, 96)

// pinMessageHeight holds three lines of message, enough for the longest.
const pinMessageHeight = 112

func newPINPad(k *Kiosk, title string, onSubmit func(string), onCancel func()) *pinPad {
	p := &pinPad{k: k, onSubmit: onSubmit, onCancel: onCancel, length: data.MinPINDigits}
	p.title = subheading(title)
	p.title.Alignment = fyne.TextAlignCenter
	p.title.Wrapping = fyne.TextWrapWord
	p.dots = coloured("", colorInk, 48, true)
	p.dots.Alignment = fyne.TextAlignCenter
	p.message = body("")
	p.message.Alignment = fyne.TextAlignCenter
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Importance = widget.DangerImportance
	var keyList []fyne.CanvasObject
	for _, d := range "123456789" {
		keyList = append(keyList, p.digitKey(d))
	}
	del := newTouchButton("", backspaceIcon, stylePlain, p.onDelete)
	ok := newTouchButton(k.st("staff.ok"), nil, stylePrimary, p.onOK)
	p.keys = append(p.keys, del, ok)
	keyList = append(keyList, del, p.digitKey('0'), ok)
	cancel := newTouchButton(k.st("staff.cancel"), nil, stylePlain, func() { k.Touch(); onCancel() })
	// On a short screen (1366x768) the keys and the message line are
	// lower, so the whole pad fits: at full size its title was above the
	// screen's top and Cancel below its bottom.
	pad := newAdaptive(0, func(_ shape, size fyne.Size) fyne.CanvasObject {
		keySize, messageH, cancelH := pinKeySize, float32(pinMessageHeight), float32(80)
		if size.Height < 900 {
			keySize, messageH, cancelH = fyne.NewSize(pinKeySize.Width, 72), 80, 64
		}
		keys := container.NewGridWrap(keySize, keyList...)
		bg := canvas.NewRectangle(colorCard)
		bg.CornerRadius = 24
		box := container.NewVBox(p.title, p.dots,
			container.NewGridWrap(fyne.NewSize(560, messageH), p.message),
			container.NewCenter(container.NewGridWrap(fyne.NewSize(3*keySize.Width+2*8, 4*keySize.Height+3*8), keys)),
			container.NewCenter(container.NewGridWrap(fyne.NewSize(300, cancelH), cancel)))
		return newDialogCard(container.NewStack(bg, container.NewPadded(container.NewPadded(box))), 640)
	})
	p.obj = container.NewStack(newBackdrop(colorShade, k.Touch), pad)
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
	p.keys = append(p.keys, b)
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

// expect sets how many dots show before any digit is typed (8 for a
// setup code).
func (p *pinPad) expect(n int) {
	p.length = n
	p.refresh()
}

// ask changes the question (for "enter it again").
func (p *pinPad) ask(title, message string) {
	p.title.SetText(title)
	p.message.SetText(message)
	p.digits = ""
	p.refresh()
}

func (p *pinPad) say(message string) { p.message.SetText(message) }

// lock disables the keys until until, with a countdown (see tick).
func (p *pinPad) lock(until time.Time) {
	p.lockedUntil = until
	p.digits = ""
	p.refresh()
	for _, b := range p.keys {
		b.setDisabled(true)
	}
	p.tick(p.k.opt.Now())
}

// tick updates the lockout's countdown, and opens the keys when it is over.
// The idle timer calls it every second.
func (p *pinPad) tick(now time.Time) {
	if p.lockedUntil.IsZero() {
		return
	}
	left := p.lockedUntil.Sub(now)
	if left <= 0 {
		p.lockedUntil = time.Time{}
		for _, b := range p.keys {
			b.setDisabled(false)
		}
		p.say(p.k.st("staff.pin_unlocked"))
		return
	}
	secs := int((left + time.Second - 1) / time.Second)
	p.say(p.k.st("staff.pin_locked", "Left", fmt.Sprintf("%d:%02d", secs/60, secs%60),
		"Time", p.lockedUntil.Local().Format("15:04:05")))
}

// locked reports whether the pad is locked (for tests).
func (p *pinPad) locked() bool { return !p.lockedUntil.IsZero() }

func (p *pinPad) refresh() {
	p.dots.Text = strings.Repeat("●", len(p.digits)) + strings.Repeat("○", max(0, p.length-len(p.digits)))
	p.dots.Refresh()
}

func (p *pinPad) object() fyne.CanvasObject { return p.obj }
