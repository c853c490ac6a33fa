package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// buttonStyle is how a touchButton looks.
type buttonStyle int

const (
	stylePlain   buttonStyle = iota // white card with dark text
	stylePrimary                    // lacquer red with white text
	styleOnDark                     // for the top bar: no fill, white text
	styleChip                       // a filter choice; red when selected
)

// minTouch is the smallest height of anything a finger must hit: 64 px, over
// the 48 px a 1080p touch screen needs.
const minTouch = 64

// touchButton is a large button for fingers: its whole area reacts, it has
// no hover-only behaviour, and it reports the tap to the kiosk's idle timer
// through onTap's caller.
type touchButton struct {
	widget.BaseWidget
	text     string
	icon     fyne.Resource
	style    buttonStyle
	selected bool
	textSize float32
	// regular draws the words in the regular weight: buttons whose words
	// are in other scripts (the language picker), since the bold font has
	// the visitor's script only and the row would mix weights.
	regular bool
	// unscaled keeps textSize as it is in large text: keys of the
	// on-screen keyboard are sized by the screen, and keyRowsLayout sizes
	// their letters to the key (grown 1.5× they would spill over).
	unscaled bool
	onTap    func()
	disabled bool // greyed out, and taps do nothing (a locked PIN pad, a running import)
}

func newTouchButton(text string, icon fyne.Resource, style buttonStyle, onTap func()) *touchButton {
	b := &touchButton{text: text, icon: icon, style: style, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped runs the button's action.
func (b *touchButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil && !b.disabled {
		b.onTap()
	}
}

// setSelected marks a chip as chosen.
func (b *touchButton) setSelected(on bool) {
	b.selected = on
	b.Refresh()
}

// setDisabled greys the button out and makes it ignore taps, or undoes that.
func (b *touchButton) setDisabled(off bool) {
	b.disabled = off
	b.Refresh()
}

func (b *touchButton) colors() (fill, text, border color.Color) {
	switch {
	case b.disabled && b.style == styleOnDark:
		// Faded on the bar (Back on Home): there, but plainly not a way.
		return color.Transparent, color.NRGBA{R: 255, G: 255, B: 255, A: 0x60}, color.NRGBA{R: 255, G: 255, B: 255, A: 0x38}
	case b.disabled:
		return colorLine, colorMutedInk, colorLine
	case b.style == stylePrimary, b.style == styleChip && b.selected:
		return colorLacquer, color.White, colorLacquer
	case b.style == styleOnDark && b.selected:
		return color.White, colorLacquer, color.White
	case b.style == styleOnDark:
		return color.Transparent, color.White, color.NRGBA{R: 255, G: 255, B: 255, A: 0x80}
	}
	return colorCard, colorInk, colorLine
}

func (b *touchButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 12
	bg.StrokeWidth = 2
	label := canvas.NewText(b.text, colorInk)
	label.TextStyle.Bold = !b.regular
	var icon *canvas.Image
	if b.icon != nil {
		icon = canvas.NewImageFromResource(b.icon)
		icon.FillMode = canvas.ImageFillContain
	}
	r := &touchButtonRenderer{b: b, bg: bg, label: label, icon: icon}
	r.Refresh()
	return r
}

type touchButtonRenderer struct {
	b     *touchButton
	bg    *canvas.Rectangle
	label *canvas.Text
	icon  *canvas.Image
}

const (
	buttonPadX = 24
	// buttonMinPad is the least room left beside a button's words when
	// they are squeezed, before they are cut.
	buttonMinPad = 12
	iconSize     = 32
	iconGap      = 12
)

func (r *touchButtonRenderer) textSize() float32 {
	if r.b.textSize > 0 && r.b.unscaled {
		return r.b.textSize
	}
	if r.b.textSize > 0 {
		return r.b.textSize * textScale
	}
	return theme.TextSize()
}

func (r *touchButtonRenderer) MinSize() fyne.Size {
	w := fyne.MeasureText(r.b.text, r.textSize(), r.label.TextStyle).Width + 2*buttonPadX
	if r.icon != nil {
		w += iconSize
		if r.b.text != "" {
			w += iconGap
		}
	}
	return fyne.NewSize(max(w, minTouch), max(minTouch, r.label.MinSize().Height+24))
}

func (r *touchButtonRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	if full := r.textSize(); r.label.Text != r.b.text || r.label.TextSize != full {
		// Measured whole, shrunk or cut below if it must be.
		r.label.Text, r.label.TextSize = r.b.text, full
		r.label.Refresh()
	}
	content := r.label.MinSize().Width
	if r.icon != nil {
		content += iconSize
		if r.b.text != "" {
			content += iconGap
		}
	}
	// Words may use the side padding but no more.
	if room := size.Width - 2*buttonMinPad - (content - r.label.MinSize().Width); r.b.text != "" && r.label.MinSize().Width > room {
		// Narrower than its words (a long name in a narrow column): draw
		// them up to a quarter smaller, and only then cut them with an
		// ellipsis, rather than draw past the edges.
		whole := r.label.MinSize().Width
		r.label.Text, r.label.TextSize = shrinkToFit(r.b.text, r.label.TextSize, !r.b.regular, max(room, 20), 0.75)
		r.label.Refresh()
		content += r.label.MinSize().Width - whole // centred as drawn, not as it was whole
	}
	x := max(0, (size.Width-content)/2)
	if r.icon != nil {
		r.icon.Resize(fyne.NewSquareSize(iconSize))
		r.icon.Move(fyne.NewPos(x, (size.Height-iconSize)/2))
		x += iconSize + iconGap
	}
	r.label.Resize(r.label.MinSize())
	r.label.Move(fyne.NewPos(x, (size.Height-r.label.MinSize().Height)/2))
}

func (r *touchButtonRenderer) Refresh() {
	fill, text, border := r.b.colors()
	r.bg.FillColor, r.bg.StrokeColor = fill, border
	r.label.Text, r.label.Color, r.label.TextSize = r.b.text, text, r.textSize()
	if r.icon != nil {
		r.icon.Resource = themedIcon(r.b.icon, text)
		r.icon.Refresh()
	}
	r.bg.Refresh()
	r.label.Refresh()
	r.Layout(r.b.Size())
}

func (r *touchButtonRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg, r.label}
	if r.icon != nil {
		objs = append(objs, r.icon)
	}
	return objs
}

func (r *touchButtonRenderer) Destroy() {}

// themedIcon recolours a theme SVG icon to c (white on red, ink on white).
func themedIcon(res fyne.Resource, c color.Color) fyne.Resource {
	if c == color.White {
		return theme.NewColoredResource(res, theme.ColorNameForegroundOnPrimary)
	}
	return res
}

// tapCard is a card (a product tile, a village card) that opens something
// when touched anywhere on it.
type tapCard struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newTapCard(content fyne.CanvasObject, onTap func()) *tapCard {
	c := &tapCard{content: content, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped opens the card's item.
func (c *tapCard) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

func (c *tapCard) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(colorCard)
	bg.CornerRadius = 14
	bg.StrokeColor = colorLine
	bg.StrokeWidth = 2
	return &cardRenderer{bg: bg, content: c.content}
}

type cardRenderer struct {
	bg      *canvas.Rectangle
	content fyne.CanvasObject
}

const cardPad = 12

func (r *cardRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.content.Move(fyne.NewPos(cardPad, cardPad))
	r.content.Resize(s.SubtractWidthHeight(2*cardPad, 2*cardPad))
}

func (r *cardRenderer) MinSize() fyne.Size {
	return r.content.MinSize().AddWidthHeight(2*cardPad, 2*cardPad)
}

func (r *cardRenderer) Refresh() {
	r.bg.Refresh()
	r.content.Refresh()
}

func (r *cardRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.content} }
func (r *cardRenderer) Destroy()                     {}
