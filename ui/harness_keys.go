package ui

import (
	"fmt"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TapKey taps the on-screen search keyboard's key for key (" " is Space),
// as a visitor's finger would: through the key widget, so that the
// keyboard composes it and the search screen searches and redraws.
func (h *Harness) TapKey(key string) error { return tapSearchKey(h.Kiosk, key) }

// HasKeys reports whether every key is on the keyboard's page on show,
// shifted or not (a page's shifted keys are those its Shift brings up).
func (h *Harness) HasKeys(keys []string) bool {
	k := h.Kiosk
	have := map[string]bool{" ": true}
	walk(k.Root(), func(o fyne.CanvasObject) {
		if b, ok := o.(*touchButton); ok {
			have[b.text] = true
		}
	})
	for _, key := range keys {
		if !have[key] && !have["⇧"] {
			return false
		}
		if !have[key] && !unicode.Is(unicode.Hangul, []rune(key)[0]) {
			return false // only the Korean page keeps keys behind Shift
		}
	}
	return true
}

// TapButton taps the button that shows text (e.g. the keyboard's Clear or
// its key to the Latin page).
func (h *Harness) TapButton(text string) error {
	b := buttonIfAny(h.Kiosk, text)
	if b == nil {
		return fmt.Errorf("no button %q on screen %v", text, h.Kiosk.Current())
	}
	test.Tap(b)
	return nil
}

// Say is the visitor-language text of a message id (a key's label).
func (h *Harness) Say(id string) string { return h.Kiosk.t(id) }

// tapSearchKey taps the key showing key, through Shift when only the
// shifted page has it (the Korean doubled consonants).
func tapSearchKey(k *Kiosk, key string) error {
	if key == " " {
		key = k.t("key.space")
	}
	if b := buttonIfAny(k, key); b != nil {
		test.Tap(b)
		return nil
	}
	shift := buttonIfAny(k, "⇧")
	if shift == nil {
		return fmt.Errorf("no key %q on the %s keyboard", key, k.Lang())
	}
	test.Tap(shift)
	if b := buttonIfAny(k, key); b != nil {
		test.Tap(b)
		return nil
	}
	return fmt.Errorf("no key %q on the %s keyboard, shifted or not", key, k.Lang())
}

// buttonIfAny is the first button on screen that shows text, or nil.
func buttonIfAny(k *Kiosk, text string) *touchButton {
	var found *touchButton
	walk(k.Root(), func(o fyne.CanvasObject) {
		if b, ok := o.(*touchButton); ok && found == nil && b.text == text {
			found = b
		}
	})
	return found
}

// walk visits every object on screen, overlays included.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, visit)
		}
	}
}
