// Package input turns the keys a visitor presses on the kiosk's on-screen
// keyboards into text: Hangul syllables from 2-set jamo, kana from romaji
// or from the kana keys with their voicing and small-kana keys, and
// Vietnamese marks typed the Telex or VNI way. It knows nothing of the
// screen, so every rule is tested without one.
package input

import "strings"

// Method renders the keys pressed since the last switch of method as text.
// It is given all of them each time, so that Backspace can undo exactly one
// key (one jamo, one voicing mark) by rendering one key fewer.
type Method interface {
	// Render returns the text to show and the text to search for (which
	// leaves out what is still being typed and means nothing yet, such as
	// the "k" of a romaji "ka" half typed).
	Render(keys []string) (text, query string)
}

// Plain is the method of a plain keyboard: each key is its text.
type Plain struct{}

// Render joins the keys.
func (Plain) Render(keys []string) (string, string) {
	s := strings.Join(keys, "")
	return s, s
}

// Editor is the text being typed on an on-screen keyboard.
type Editor struct {
	method    Method
	committed string   // text typed with earlier methods, no longer composing
	keys      []string // keys pressed with the current method
	text      string
	query     string
	raw       string // the keys as typed, for methods that may misread them
	maxRunes  int
}

// NewEditor starts an empty text typed with m, at most maxRunes long
// (0: no limit).
func NewEditor(m Method, maxRunes int) *Editor {
	if m == nil {
		m = Plain{}
	}
	return &Editor{method: m, maxRunes: maxRunes}
}

// SetMethod switches how keys are read; what was typed so far stays as it is.
func (e *Editor) SetMethod(m Method) {
	if m == nil {
		m = Plain{}
	}
	e.commit()
	e.method = m
}

// SetText replaces the text (a query carried over from elsewhere).
func (e *Editor) SetText(s string) {
	e.keys, e.committed, e.raw = nil, s, s
	e.render()
}

func (e *Editor) commit() {
	e.committed += e.text[len(e.committed):]
	e.keys = nil
	e.render()
}

// Press adds one key: a letter, a jamo, a kana, a mark or a space. A space
// after a space or at the start, or a key past the length limit, is ignored.
func (e *Editor) Press(key string) {
	if key == " " && (e.text == "" || strings.HasSuffix(e.text, " ")) {
		return
	}
	if e.maxRunes > 0 && len([]rune(e.text)) >= e.maxRunes {
		return
	}
	e.keys = append(e.keys, key)
	e.raw += key
	e.render()
}

// Backspace undoes the last key that changed the text: one jamo of a
// syllable, one voicing mark, one letter.
func (e *Editor) Backspace() {
	before := e.text
	for len(e.keys) > 0 {
		e.keys = e.keys[:len(e.keys)-1]
		e.render()
		if e.text != before {
			e.trimRaw()
			return
		}
	}
	if e.committed != "" {
		r := []rune(e.committed)
		e.committed = string(r[:len(r)-1])
		e.render()
	}
	e.trimRaw()
}

// trimRaw keeps the raw keys in step after a Backspace.
func (e *Editor) trimRaw() {
	if len(e.keys) == 0 {
		e.raw = e.committed
		return
	}
	e.raw = e.committed + strings.Join(e.keys, "")
}

// Clear empties the text.
func (e *Editor) Clear() {
	e.keys, e.committed, e.raw = nil, "", ""
	e.render()
}

func (e *Editor) render() {
	text, query := e.method.Render(e.keys)
	e.text, e.query = e.committed+text, e.committed+query
}

// Text is what the visitor sees typed.
func (e *Editor) Text() string { return e.text }

// Query is what to search for: the text without a half-typed tail.
func (e *Editor) Query() string { return e.query }

// Raw is the keys as pressed, before any method read them ("luaj" for
// "lụa"): worth a search when the method's reading finds nothing, since a
// visitor may have meant plain letters.
func (e *Editor) Raw() string { return e.raw }
