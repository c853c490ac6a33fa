package i18n

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"ocopkiosk/lang"
)

// The phrase books translate the data layer's messages to staff: what is
// wrong with a content pack, a link or a setting. Those messages are
// lang.Phrase values, an English fmt format and its arguments, and each
// book maps the English format to the same format in another language (a
// translation may reorder the arguments with %[2]s). English needs no
// book. A test reads the data layer's source and fails on any phrase that
// a book lacks, so a new message cannot reach staff untranslated.

//go:embed phrases/*.json
var phraseFiles embed.FS

// loadPhraseBooks reads the embedded books, one per language but English.
func loadPhraseBooks() (map[lang.Lang]map[string]string, error) {
	books := map[lang.Lang]map[string]string{}
	for _, l := range lang.All {
		if l == lang.EN {
			continue
		}
		name := "phrases/" + string(l) + ".json"
		b, err := fs.ReadFile(phraseFiles, name)
		if err != nil {
			return nil, fmt.Errorf("phrases for %s: %w", l, err)
		}
		book := map[string]string{}
		if err := json.Unmarshal(b, &book); err != nil {
			return nil, fmt.Errorf("phrases for %s: %w", l, err)
		}
		books[l] = book
	}
	return books, nil
}

// Say returns p in language l. Arguments that are phrases themselves are
// said in l too, and so is an argument (a string or an error) whose whole
// text is in l's book; anything else (a file name, a value from the pack,
// an operating system's error) is shown as it is. A format missing from
// the book is shown in English.
func (m *Messages) Say(l lang.Lang, p lang.Phrase) string {
	book := m.phrases[l]
	if book == nil {
		return p.Error()
	}
	format, ok := book[p.Format]
	if !ok {
		format = p.Format
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = m.sayArg(l, book, a)
	}
	return fmt.Sprintf(format, args...)
}

func (m *Messages) sayArg(l lang.Lang, book map[string]string, a any) any {
	switch v := a.(type) {
	case lang.Phrase:
		return m.Say(l, v)
	case string:
		if t, ok := book[v]; ok {
			return t
		}
	case error:
		var p lang.Phrase
		if errors.As(v, &p) {
			return m.Say(l, p)
		}
		if t, ok := book[v.Error()]; ok {
			return t
		}
	}
	return a
}
