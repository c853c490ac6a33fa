package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// maxReadingsShown bounds the readings listed in the Translations tab.
const maxReadingsShown = 40

// readingsSection shows staff the readings search uses for product names:
// the kana of the Japanese name and the pinyin of the Chinese one, made at
// import unless the pack gave its own (marked ✎). A wrong one is corrected
// in the pack's name_ja_reading or name_zh_pinyin column.
func (p *staffPanel) readingsSection(cat *data.Catalogue) fyne.CanvasObject {
	e := p.env
	lines := []fyne.CanvasObject{caption(e.st("translations.readings_hint"))}
	shown := 0
	for _, pr := range cat.Products {
		r := pr.NameReading
		if r.Kana == "" && r.Pinyin == "" {
			continue
		}
		if shown == maxReadingsShown {
			lines = append(lines, caption(e.sn("translations.more", len(cat.Products)-shown)))
			break
		}
		shown++
		l := widget.NewLabel(pr.ID + " · " + pr.Name.In(data.JA) + " → " + mark(r.Kana, pr.Reading.Kana != "") +
			" · " + pr.Name.In(data.ZH) + " → " + mark(r.Pinyin, pr.Reading.Pinyin != ""))
		l.Wrapping = fyne.TextWrapWord
		lines = append(lines, l)
	}
	return staffSection(e.st("translations.readings"), lines...)
}

// mark flags a reading staff gave in the pack.
func mark(reading string, given bool) string {
	if given {
		return reading + " ✎"
	}
	return reading
}
