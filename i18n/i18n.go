// Package i18n holds the kiosk's own words (buttons, labels, instructions)
// in the five visitor languages, as go-i18n message files embedded in the
// binary, and looks them up. Catalogue content (names, stories) is not here:
// it comes from content packs.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"ocopkiosk/lang"
)

//go:embed messages/*.json
var messageFiles embed.FS

// Messages looks up the kiosk's words in every visitor language.
type Messages struct {
	localizers map[lang.Lang]*goi18n.Localizer
	ids        map[lang.Lang][]string
	phrases    map[lang.Lang]map[string]string // see Say
}

// Load reads the embedded message files, one per language.
func Load() (*Messages, error) {
	bundle := goi18n.NewBundle(language.Vietnamese)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	m := &Messages{localizers: map[lang.Lang]*goi18n.Localizer{}, ids: map[lang.Lang][]string{}}
	for _, l := range lang.All {
		name := "messages/" + string(l) + ".json"
		b, err := fs.ReadFile(messageFiles, name)
		if err != nil {
			return nil, fmt.Errorf("messages for %s: %w", l, err)
		}
		file, err := bundle.ParseMessageFileBytes(b, name)
		if err != nil {
			return nil, fmt.Errorf("messages for %s: %w", l, err)
		}
		for _, msg := range file.Messages {
			m.ids[l] = append(m.ids[l], msg.ID)
		}
		sort.Strings(m.ids[l])
		m.localizers[l] = goi18n.NewLocalizer(bundle, string(l))
	}
	var err error
	if m.phrases, err = loadPhraseBooks(); err != nil {
		return nil, err
	}
	return m, nil
}

// MustLoad is Load for programs and tests: the files are embedded, so an
// error is a bug in the build, not in the field.
func MustLoad() *Messages {
	m, err := Load()
	if err != nil {
		panic(err)
	}
	return m
}

// T returns message id in l, filled with args ({{.Name}} in the file).
// A missing message shows its id, which the tests never let through.
func (m *Messages) T(l lang.Lang, id string, args ...any) string {
	return m.localize(l, &goi18n.LocalizeConfig{MessageID: id, TemplateData: templateData(args)})
}

// N returns the plural form of message id for count, available to the
// template as {{.Count}}.
func (m *Messages) N(l lang.Lang, id string, count int, args ...any) string {
	td := templateData(args)
	td["Count"] = count
	return m.localize(l, &goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: td})
}

func (m *Messages) localize(l lang.Lang, cfg *goi18n.LocalizeConfig) string {
	loc := m.localizers[l]
	if loc == nil {
		loc = m.localizers[lang.VI]
	}
	s, err := loc.Localize(cfg)
	if err != nil || s == "" {
		return cfg.MessageID
	}
	return s
}

// IDs lists the message ids present for l, sorted.
func (m *Messages) IDs(l lang.Lang) []string { return m.ids[l] }

// templateData turns "Key", value pairs into a template map.
func templateData(args []any) map[string]any {
	td := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			td[k] = args[i+1]
		}
	}
	return td
}
