package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Colours of the kiosk: warm paper, lacquer red and gold, as in the
// showrooms' craft.
var (
	colorPaper     = color.NRGBA{R: 0xfb, G: 0xf6, B: 0xee, A: 0xff}
	colorCard      = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colorInk       = color.NRGBA{R: 0x2b, G: 0x21, B: 0x1c, A: 0xff}
	colorMutedInk  = color.NRGBA{R: 0x6b, G: 0x5b, B: 0x50, A: 0xff}
	colorLacquer   = color.NRGBA{R: 0x9e, G: 0x1b, B: 0x1b, A: 0xff}
	colorGold      = color.NRGBA{R: 0xc8, G: 0x8a, B: 0x12, A: 0xff}
	colorLine      = color.NRGBA{R: 0xe6, G: 0xdc, B: 0xcf, A: 0xff}
	colorValid     = color.NRGBA{R: 0x1e, G: 0x6e, B: 0x3a, A: 0xff}
	colorExpired   = color.NRGBA{R: 0xb0, G: 0x1e, B: 0x1e, A: 0xff}
	colorShade     = color.NRGBA{R: 0x1a, G: 0x12, B: 0x0e, A: 0xb0}
	colorBarBottom = color.NRGBA{R: 0x7a, G: 0x12, B: 0x12, A: 0xff}
)

// kioskTheme wraps Fyne's light theme with sizes for fingers and for reading
// at a metre, and the kiosk's colours.
type kioskTheme struct{}

// Theme returns the kiosk's theme.
func Theme() fyne.Theme { return kioskTheme{} }

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
	case theme.ColorNameSuccess:
		return colorValid
	case theme.ColorNameError:
		return colorExpired
	case theme.ColorNameSeparator:
		return colorLine
	case theme.ColorNameHover:
		return color.NRGBA{R: 0x9e, G: 0x1b, B: 0x1b, A: 0x14}
	case theme.ColorNamePressed:
		return color.NRGBA{R: 0x9e, G: 0x1b, B: 0x1b, A: 0x30}
	case theme.ColorNameScrollBar:
		return color.NRGBA{R: 0x6b, G: 0x5b, B: 0x50, A: 0x99}
	case theme.ColorNameShadow:
		return color.NRGBA{A: 0x30}
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (kioskTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Sizes: body text 22 (readable at a metre on a 1080p screen), headings 40,
// and padding that makes every button at least 56 px high.
func (kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 22
	case theme.SizeNameHeadingText:
		return 40
	case theme.SizeNameSubHeadingText:
		return 28
	case theme.SizeNameCaptionText:
		return 18
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
