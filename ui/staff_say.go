package ui

import (
	"errors"
	"strings"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/lang"
)

// The data layer reports what is wrong as lang.Phrase values, in English
// with their arguments kept apart; these helpers say them in the staff's
// language (i18n's phrase books), keeping file names, lines, columns and
// the pack's own values as they are.

// sayProblem is one problem of a pack as "file:line: column: message"
// (pack.Problem.With), the message in the staff language.
func (e *staffEnv) sayProblem(p pack.Problem) string {
	if p.Phrase.Format == "" {
		return p.String()
	}
	return p.With(e.msg.Say(e.lang(), p.Phrase))
}

// settingsFieldLabel names a Settings field as the Settings tab does.
var settingsFieldLabel = map[string]string{
	"CentreID":        "settings.centre_id",
	"CentreName":      "settings.centre_name",
	"StaffLang":       "settings.staff_lang",
	"DefaultLang":     "settings.default_lang",
	"Languages":       "settings.languages",
	"IdleTimeout":     "settings.idle",
	"AttractInterval": "settings.attract",
	"AllowedHosts":    "settings.hosts",
}

// saySettingsErrors is each refused setting on a line of its own, named as
// the Settings tab names it, the reason in the staff language.
func (e *staffEnv) saySettingsErrors(errs data.SettingsErrors) string {
	lines := make([]string, len(errs))
	for i, fe := range errs {
		name := fe.Field
		if id, ok := settingsFieldLabel[fe.Field]; ok {
			name = e.st(id)
		}
		msg := fe.Message
		if fe.Phrase.Format != "" {
			msg = e.msg.Say(e.lang(), fe.Phrase)
		}
		lines[i] = name + ": " + msg
	}
	return strings.Join(lines, "\n")
}

// sayError is err's text with the phrase it ends in, if any, said in the
// staff language: "open pack: " + a phrase keeps its English context (a
// path, an operation) and translates the reason staff act on.
func (e *staffEnv) sayError(err error) string {
	text := err.Error()
	var ph lang.Phrase
	if errors.As(err, &ph) {
		if head, ok := strings.CutSuffix(text, ph.Error()); ok {
			return head + e.msg.Say(e.lang(), ph)
		}
	}
	return text
}
