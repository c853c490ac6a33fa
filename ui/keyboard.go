package ui

import (
	"slices"
	"strings"
	"unicode"

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
	touch    func()                              // reports visitor activity
	t        func(id string, args ...any) string // the kiosk's words
	onRune   func(r rune)
	onDelete func()
	onClear  func()
	extra    string    // more keys, such as ".-" for web addresses
	shift    bool      // offer a Shift key for capitals (staff texts)
	key      fyne.Size // a key's size; keySize when zero

	upper   bool
	letters []*touchButton
}

func (kb *onScreenKeyboard) object() fyne.CanvasObject {
	keySize := keySize
	if kb.key.Height > 0 {
		keySize = kb.key
	}
	rows := container.NewVBox()
	for i, row := range kb.rows() {
		line := container.NewHBox()
		for _, r := range row {
			r := r
			key := newTouchButton(string(r), nil, stylePlain, func() { kb.touch(); kb.typed(r) })
			key.textSize = 32
			kb.letters = append(kb.letters, key)
			line.Add(container.NewGridWrap(keySize, key))
		}
		if kb.shift && i == len(keyboardRows)-1 {
			shift := newTouchButton("⇧", nil, stylePlain, func() { kb.touch(); kb.setUpper(!kb.upper) })
			line.Objects = append([]fyne.CanvasObject{container.NewGridWrap(keySize, shift)}, line.Objects...)
		}
		if i == len(keyboardRows)-1 {
			del := newTouchButton("", backspaceIcon, stylePlain, func() { kb.touch(); kb.onDelete() })
			line.Add(container.NewGridWrap(fyne.NewSize(keySize.Width*2, keySize.Height), del))
		}
		rows.Add(container.NewCenter(line))
	}
	space := newTouchButton(kb.t("key.space"), nil, stylePlain, func() { kb.touch(); kb.onRune(' ') })
	clear := newTouchButton(kb.t("key.clear"), theme.ContentClearIcon(), stylePlain, func() { kb.touch(); kb.onClear() })
	rows.Add(container.NewCenter(container.NewHBox(
		container.NewGridWrap(fyne.NewSize(keySize.Width*6, keySize.Height), space),
		container.NewGridWrap(fyne.NewSize(keySize.Width*3, keySize.Height), clear))))
	return rows
}

func (kb *onScreenKeyboard) rows() []string {
	if kb.extra == "" {
		return keyboardRows
	}
	return append(slices.Clone(keyboardRows), kb.extra)
}

// typed sends a key, in capitals once after Shift.
func (kb *onScreenKeyboard) typed(r rune) {
	if kb.upper {
		r = unicode.ToUpper(r)
		kb.setUpper(false)
	}
	kb.onRune(r)
}

func (kb *onScreenKeyboard) setUpper(on bool) {
	kb.upper = on
	for _, key := range kb.letters {
		if on {
			key.text = strings.ToUpper(key.text)
		} else {
			key.text = strings.ToLower(key.text)
		}
		key.Refresh()
	}
}
