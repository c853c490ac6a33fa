package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
)

// Large text and high contrast (WCAG 2.2 1.4.3, 1.4.4, 1.4.6): the "Aa"
// control in the top bar switches both at once, for the visitor only; the
// idle reset switches them back.

// largeTextScale is how much larger every text is in large-text mode.
const largeTextScale = 1.5

// textScale multiplies every text size: 1, or largeTextScale.
var textScale float32 = 1

// palette is one set of the kiosk's colours.
type palette struct {
	paper, card, ink, muted, lacquer, gold, line, valid, expired, shade, barBottom color.NRGBA
}

var (
	// normalPalette: body text is ink on paper (14:1), secondary text
	// muted ink (6:1), prices and headings lacquer (7:1), stars a dark
	// gold (4.6:1); every pair at least 4.5:1 (TestContrast).
	normalPalette = palette{
		paper:     color.NRGBA{R: 0xfb, G: 0xf6, B: 0xee, A: 0xff},
		card:      color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		ink:       color.NRGBA{R: 0x2b, G: 0x21, B: 0x1c, A: 0xff},
		muted:     color.NRGBA{R: 0x6b, G: 0x5b, B: 0x50, A: 0xff},
		lacquer:   color.NRGBA{R: 0x9e, G: 0x1b, B: 0x1b, A: 0xff},
		gold:      color.NRGBA{R: 0x9a, G: 0x65, B: 0x00, A: 0xff},
		line:      color.NRGBA{R: 0xe6, G: 0xdc, B: 0xcf, A: 0xff},
		valid:     color.NRGBA{R: 0x1e, G: 0x6e, B: 0x3a, A: 0xff},
		expired:   color.NRGBA{R: 0xb0, G: 0x1e, B: 0x1e, A: 0xff},
		shade:     color.NRGBA{R: 0x1a, G: 0x12, B: 0x0e, A: 0xb0},
		barBottom: color.NRGBA{R: 0x7a, G: 0x12, B: 0x12, A: 0xff},
	}
	// contrastPalette: black on white, and every coloured text dark enough
	// for 7:1 (TestContrast); card edges drawn dark so cards stand out.
	contrastPalette = palette{
		paper:     color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		card:      color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff},
		ink:       color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff},
		muted:     color.NRGBA{R: 0x26, G: 0x26, B: 0x26, A: 0xff},
		lacquer:   color.NRGBA{R: 0x7a, G: 0x00, B: 0x00, A: 0xff},
		gold:      color.NRGBA{R: 0x5c, G: 0x3d, B: 0x00, A: 0xff},
		line:      color.NRGBA{R: 0x40, G: 0x40, B: 0x40, A: 0xff},
		valid:     color.NRGBA{R: 0x0a, G: 0x4a, B: 0x22, A: 0xff},
		expired:   color.NRGBA{R: 0x7a, G: 0x00, B: 0x00, A: 0xff},
		shade:     color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xd0},
		barBottom: color.NRGBA{R: 0x4a, G: 0x00, B: 0x00, A: 0xff},
	}
)

// applyAccess sets the text size and the colours for everything built from
// now on.
func applyAccess(large bool) {
	p, scale := normalPalette, float32(1)
	if large {
		p, scale = contrastPalette, largeTextScale
	}
	colorPaper, colorCard, colorInk, colorMutedInk = p.paper, p.card, p.ink, p.muted
	colorLacquer, colorGold, colorLine, colorValid = p.lacquer, p.gold, p.line, p.valid
	colorExpired, colorShade, colorBarBottom = p.expired, p.shade, p.barBottom
	textScale = scale
}

// ToggleLargeText switches large text and high contrast on or off for this
// visitor, and redraws everything in the new size and colours.
func (k *Kiosk) ToggleLargeText() {
	k.Touch()
	k.session.largeText = !k.session.largeText
	k.applyAccess()
	k.show()
}

// applyAccess makes the kiosk look as the session asks: the theme (which
// Fyne's own widgets read), the top bar, and the page behind the screens.
func (k *Kiosk) applyAccess() {
	if (textScale > 1) == k.session.largeText {
		return
	}
	applyAccess(k.session.largeText)
	if app := fyne.CurrentApp(); app != nil {
		app.Settings().SetTheme(Theme())
	}
	k.bar = newTopBar(k)
	k.pageBg.FillColor = colorPaper
	k.pageBg.Refresh()
	k.page.Layout = pageLayout{bar: k.bar}
	k.page.Objects[0] = k.bar.object()
	k.page.Refresh()
	k.bar.aa.setSelected(k.session.largeText)
}

// textPair is a text colour on the background it is drawn on.
type textPair struct {
	name   string
	fg, bg color.NRGBA
}

// textPairs are the kiosk's text colours on their backgrounds, for the
// contrast test: every one the screens use.
func (p palette) textPairs() []textPair {
	white := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	return []textPair{
		{"body text on paper", p.ink, p.paper},
		{"body text on a card", p.ink, p.card},
		{"secondary text on paper", p.muted, p.paper},
		{"secondary text on a card", p.muted, p.card},
		{"prices and titles on a card", p.lacquer, p.card},
		{"titles on paper", p.lacquer, p.paper},
		{"stars on a card", p.gold, p.card},
		{"stars on paper", p.gold, p.paper},
		{"a red button's words", white, p.lacquer},
		{"the top bar's words (bottom)", white, p.barBottom},
		{"a chosen language on the bar", p.lacquer, white},
		{"the valid-certificate badge", white, p.valid},
		{"the expired-certificate badge", white, p.expired},
	}
}

// contrastRatio is WCAG 2's contrast ratio of two opaque colours.
func contrastRatio(a, b color.NRGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}
