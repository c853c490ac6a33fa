package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/fontscan"

	"ocopkiosk/data"
)

// maxMissingShown bounds the list of untranslated items per language.
const maxMissingShown = 12

// translationsTab shows, per language, how much of the catalogue has its
// own translation, what is missing, and whether the screen can draw the
// language's script at all.
func (p *staffPanel) translationsTab() fyne.CanvasObject {
	e := p.env
	cat, err := e.backend().LoadCatalogue(e.ctx)
	if err != nil {
		return body(e.st("content.error", "Error", err.Error()))
	}
	coverage := data.TranslationCoverage(cat)
	box := container.NewVBox()
	for _, lang := range data.Languages {
		box.Add(p.languageCoverage(lang, coverage))
	}
	box.Add(p.readingsSection(cat))
	return e.dragScroll(container.NewPadded(box))
}

func (p *staffPanel) languageCoverage(lang data.Lang, coverage []data.Coverage) fyne.CanvasObject {
	e := p.env
	font := coloured(e.st("translations.font_ok"), colorValid, 20, true)
	if !scriptDrawable(lang) {
		font = coloured("⚠ "+e.st("translations.font_missing"), colorExpired, 20, true)
	}
	lines := []fyne.CanvasObject{font}
	var missing []string
	total := 0
	for _, c := range coverage {
		if c.Lang != lang {
			continue
		}
		line := e.st("translations.line", "Kind", e.st("kind."+string(c.Kind)), "Names", c.Name,
			"Descriptions", c.Description, "Total", c.Total)
		if c.Kind == data.KindVillage {
			line += " · " + e.st("translations.stories", "Stories", c.Story, "Total", c.Total)
		}
		lines = append(lines, body(line))
		for _, m := range c.Missing {
			total++
			if len(missing) < maxMissingShown {
				fields := make([]string, len(m.Fields))
				for i, f := range m.Fields {
					fields[i] = e.st("translations.field_" + f) // name, description, story
				}
				missing = append(missing, m.ID+" ("+m.Name.In(data.VI)+"): "+strings.Join(fields, ", "))
			}
		}
	}
	if total == 0 {
		lines = append(lines, coloured(e.st("translations.complete"), colorValid, 22, true))
	} else {
		list := e.st("translations.missing") + "\n" + strings.Join(missing, "\n")
		if total > len(missing) {
			list += "\n" + e.sn("translations.more", total-len(missing))
		}
		l := caption(list)
		l.Importance = widget.MediumImportance
		lines = append(lines, l)
	}
	return staffSection(languageNames[lang], lines...)
}

// scriptSample is a letter of each language's script that only a font for
// that script has.
var scriptSample = map[data.Lang]rune{data.VI: 'ữ', data.EN: 'e', data.KO: '한', data.ZH: '汉', data.JA: 'あ'}

var (
	systemFontsOnce sync.Once
	systemFonts     []fontscan.Footprint
)

// scriptDrawable reports whether Fyne's bundled font or an installed system
// font has the language's letters: without one (no fonts-noto-cjk, say)
// Korean, Chinese and Japanese show as boxes.
func scriptDrawable(lang data.Lang) bool {
	r := scriptSample[lang]
	if r < 0x2000 {
		return true // Latin and Vietnamese: the bundled Noto Sans has them
	}
	systemFontsOnce.Do(func() {
		systemFonts, _ = fontscan.SystemFonts(nil, "")
	})
	for _, fp := range systemFonts {
		if fp.Runes.Contains(r) {
			return true
		}
	}
	return false
}
