package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// keyboardRows is a plain Latin keyboard: Vietnamese is searched without
// its marks, so these letters reach every product.
var keyboardRows = []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}

var keySize = fyne.NewSize(88, 80)

// onScreenKeyboard is the kiosk's own keyboard: a touch screen has no other.
type onScreenKeyboard struct {
	k        *Kiosk
	onRune   func(r rune)
	onDelete func()
	onClear  func()
}

func (kb *onScreenKeyboard) object() fyne.CanvasObject {
	k := kb.k
	rows := container.NewVBox()
	for i, row := range keyboardRows {
		line := container.NewHBox()
		for _, r := range row {
			r := r
			key := newTouchButton(string(r), nil, stylePlain, func() { k.Touch(); kb.onRune(r) })
			key.textSize = 32
			line.Add(container.NewGridWrap(keySize, key))
		}
		if i == len(keyboardRows)-1 {
			del := newTouchButton("", theme.ContentUndoIcon(), stylePlain, func() { k.Touch(); kb.onDelete() })
			line.Add(container.NewGridWrap(fyne.NewSize(keySize.Width*2, keySize.Height), del))
		}
		rows.Add(container.NewCenter(line))
	}
	space := newTouchButton(k.t("key.space"), nil, stylePlain, func() { k.Touch(); kb.onRune(' ') })
	clear := newTouchButton(k.t("key.clear"), theme.ContentClearIcon(), stylePlain, func() { k.Touch(); kb.onClear() })
	rows.Add(container.NewCenter(container.NewHBox(
		container.NewGridWrap(fyne.NewSize(keySize.Width*6, keySize.Height), space),
		container.NewGridWrap(fyne.NewSize(keySize.Width*3, keySize.Height), clear))))
	return rows
}
