package data

import "ocopkiosk/lang"

// Lang is a visitor language. It is lang.Lang, kept here under its old name
// so that code written against data.Lang keeps compiling.
type Lang = lang.Lang

// The five visitor languages (see package lang).
const (
	VI = lang.VI
	EN = lang.EN
	KO = lang.KO
	ZH = lang.ZH
	JA = lang.JA
)

// Languages lists the visitor languages in the order the kiosk offers them.
var Languages = lang.All

// ParseLang accepts a language code in any case ("EN", " ko ") and reports
// whether it is one of the visitor languages.
func ParseLang(s string) (Lang, bool) { return lang.Parse(s) }

// Text is one visitor-facing text in several languages. A language may be
// missing; In falls back so that a visitor never sees a blank.
type Text map[Lang]string

// In returns the text in lang, falling back to English, then Vietnamese,
// then any language that has it. It is "" only when the text is empty in
// every language.
func (t Text) In(lang Lang) string {
	for _, l := range []Lang{lang, EN, VI} {
		if s := t[l]; s != "" {
			return s
		}
	}
	for _, l := range Languages {
		if s := t[l]; s != "" {
			return s
		}
	}
	return ""
}

// Has reports whether the text has its own translation in lang (not a fallback).
func (t Text) Has(lang Lang) bool { return t[lang] != "" }

// Clone returns a copy that can be changed without changing t.
func (t Text) Clone() Text {
	c := make(Text, len(t))
	for l, s := range t {
		c[l] = s
	}
	return c
}
