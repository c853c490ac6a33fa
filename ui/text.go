package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Text helpers: every visitor-facing text wraps instead of being cut, at the
// kiosk's sizes.

// heading is a large bold title that wraps.
func heading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

// subheading is a section title.
func subheading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle.Bold = true
	l.Wrapping = fyne.TextWrapWord
	return l
}

// body is a paragraph at reading size.
func body(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// caption is smaller secondary text (still 18 px).
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return l
}

// bodyText is body for a visitor's text that may be Japanese or Chinese:
// it wraps with their line-break rules (storyText), which a label does not
// know, and never leaves one character alone on its last line.
func bodyText(s string) *storyText { return newWrappedText(s, fyne.TextStyle{}, 0, false) }

// headingText is heading for a name: a product's, a village's or a tour's
// in Japanese or Chinese wraps by their rules ("…茶器セッ / ト" was a
// label's).
func headingText(s string) *storyText {
	return newWrappedText(s, fyne.TextStyle{Bold: true}, theme.Size(theme.SizeNameHeadingText), false)
}

// captionText is caption, wrapped as bodyText is.
func captionText(s string) *storyText {
	t := newWrappedText(s, fyne.TextStyle{}, theme.CaptionTextSize(), false)
	t.color = theme.ColorNamePlaceHolder // a caption's secondary colour
	return t
}

// oneLine is a label cut with an ellipsis, for tiles of fixed size.
func oneLine(s string, bold bool) *widget.Label {
	l := widget.NewLabel(s)
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Bold = bold
	return l
}

// coloured is a short text in a colour (a badge, a warning).
func coloured(s string, c color.Color, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size * textScale
	t.TextStyle.Bold = bold
	return t
}
