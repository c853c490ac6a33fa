package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"ocopkiosk/data"
)

// Colours of the kiosk: warm paper, lacquer red and gold, as in the
// showrooms' craft. They are set from a palette (access.go): the normal one,
// or the high-contrast one a visitor chooses with "Aa".
var (
	colorPaper     color.NRGBA
	colorCard      color.NRGBA
	colorInk       color.NRGBA
	colorMutedInk  color.NRGBA
	colorLacquer   color.NRGBA
	colorGold      color.NRGBA
	colorLine      color.NRGBA
	colorValid     color.NRGBA
	colorExpired   color.NRGBA
	colorShade     color.NRGBA
	colorBarBottom color.NRGBA
)

func init() { applyAccess(false) }

// kioskTheme wraps Fyne's light theme with sizes for fingers and for reading
// at a metre, and the kiosk's colours.
// Its fields make each choice a distinct value, so that Fyne sees a change.
type kioskTheme struct {
	large bool      // large text and high contrast
	lang  data.Lang // the bold font's language (cjkfont.go)
}

// Theme returns the kiosk's theme as the visitor last chose it.
func Theme() fyne.Theme { return kioskTheme{large: textScale > 1, lang: currentFontLang()} }

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = a
	return c
}

func (kioskTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colorPaper
	case theme.ColorNameForeground:
		return colorInk
	case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
		return colorLacquer
	case theme.ColorNameButton:
		return colorCard
	case theme.ColorNameInputBackground:
		return colorCard
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		// Nothing on a kiosk is disabled; low-importance text is secondary
		// text, and must stay readable at a metre.
		return colorMutedInk
	case theme.ColorNameForegroundOnPrimary, theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnError:
		return color.White
	case theme.ColorNameSuccess:
		return colorValid
	case theme.ColorNameError:
		return colorExpired
	case theme.ColorNameWarning:
		// Staff's warnings ("cancelled", "not saved yet"): Fyne's orange
		// was about 2:1 on the paper; the dark gold is 4.6:1 (TestContrast).
		return colorGold
	case theme.ColorNameSeparator:
		return colorLine
	case theme.ColorNameHover:
		return withAlpha(colorLacquer, 0x14)
	case theme.ColorNamePressed:
		return withAlpha(colorLacquer, 0x30)
	case theme.ColorNameScrollBar:
		return withAlpha(colorMutedInk, 0x99)
	case theme.ColorNameShadow:
		return color.NRGBA{A: 0x30}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font is Fyne's, but for bold text in Korean, Chinese or Japanese the
// Noto Sans CJK Bold face of the visitor's language (cjkfont.go).
func (kioskTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold && !s.Italic && !s.Monospace && !s.Symbol {
		if f := boldFont(); f != nil {
			return f
		}
	}
	return theme.DefaultTheme().Font(s)
}

func (kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Sizes: body text 22 (readable at a metre on a 1080p screen), headings 40,
// and padding that makes every button at least 56 px high.
func (kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 22 * textScale
	case theme.SizeNameHeadingText:
		return 40 * textScale
	case theme.SizeNameSubHeadingText:
		return 28 * textScale
	case theme.SizeNameCaptionText:
		return 18 * textScale
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 14
	case theme.SizeNameInlineIcon:
		return 30
	case theme.SizeNameScrollBar:
		return 10
	case theme.SizeNameScrollBarSmall:
		return 6
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 10
	}
	return theme.DefaultTheme().Size(n)
}
