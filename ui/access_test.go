package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// TestContrast measures every text colour on its background: at least
// 4.5:1 in the normal palette (WCAG 1.4.3) and 7:1 in the high-contrast
// one (1.4.6).
func TestContrast(t *testing.T) {
	for _, c := range []struct {
		name string
		p    palette
		min  float64
	}{{"normal", normalPalette, 4.5}, {"high contrast", contrastPalette, 7}} {
		for _, pair := range c.p.textPairs() {
			r := contrastRatio(pair.fg, pair.bg)
			t.Logf("%s: %s %.2f:1", c.name, pair.name, r)
			if r < c.min {
				t.Errorf("%s palette: %s is %.2f:1, below %.1f:1", c.name, pair.name, r, c.min)
			}
		}
	}
	black, white := color.NRGBA{A: 0xff}, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	if r := contrastRatio(black, white); r < 20.9 || r > 21.1 {
		t.Errorf("black on white measured %.2f:1, want 21:1", r)
	}
}

// TestLargeTextScalesText checks that Aa makes the theme's text at least
// 1.5 times larger and switches to the high-contrast palette, and that the
// idle reset switches both back.
func TestLargeTextScalesText(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	th := Theme()
	normal := th.Size("text")
	k.ToggleLargeText()
	if large := Theme().Size("text"); large < 1.5*normal {
		t.Errorf("large text is %v, normal %v: less than 1.5×", large, normal)
	}
	if colorInk != contrastPalette.ink || colorPaper != contrastPalette.paper {
		t.Error("large text did not switch to the high-contrast palette")
	}
	k.Reset()
	if Theme().Size("text") != normal || colorInk != normalPalette.ink {
		t.Error("the idle reset left large text or high contrast on")
	}
}

// TestUntranslatedNote shows the note where a text falls back to another
// language, in the visitor's language, and nothing where it does not.
func TestUntranslatedNote(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.lang = data.KO
	e := k.newEnv(k.Current())
	full := data.Text{data.VI: "Gốm", data.KO: "도자기"}
	partial := data.Text{data.VI: "Gốm", data.EN: "Pottery"}
	if l, ok := e.untranslated(full).(*widget.Label); ok {
		t.Errorf("a note %q for a text written in Korean", l.Text)
	}
	l, ok := e.untranslated(full, partial).(*widget.Label)
	if !ok || l.Text != "ⓘ "+k.msg.T(data.KO, "content.untranslated") {
		t.Errorf("no Korean note for a text that falls back to English: %v", l)
	}
}

// Aa stays in the top right corner when tapped, on every shape and in
// every language: large text widens the language buttons and may wrap the
// bar, and the control under the finger must not jump away.
func TestAaStaysUnderTheFinger(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}, {Width: 1366, Height: 768}, {Width: 1280, Height: 800}} {
		w.Resize(size)
		for _, l := range data.Languages {
			k.lang = l
			k.Open(Route{Screen: ScreenProducts})
			where := func() fyne.Position {
				aa := k.bar.aa
				return fyne.CurrentApp().Driver().AbsolutePositionForObject(aa).Add(fyne.NewPos(aa.Size().Width, 0))
			}
			before := where()
			test.Tap(k.bar.aa)
			after := where()
			test.Tap(k.bar.aa) // back to normal text
			if before != after {
				t.Errorf("%vx%v %s: Aa's top right corner moved from %v to %v", size.Width, size.Height, l, before, after)
			}
			if right := size.Width - barPad; before.X < right-4 || before.X > right {
				t.Errorf("%vx%v %s: Aa ends at x=%v, not in the corner (x=%v)", size.Width, size.Height, l, before.X, right)
			}
		}
	}
}

// Large text enlarges the prices on the product tiles too, not only the
// names (they stayed at the normal size).
func TestLargeTextEnlargesTilePrices(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenProducts})
	largestPrice := func() float32 {
		var size float32
		walk(k.Root(), func(o fyne.CanvasObject) {
			if x, ok := o.(*canvas.Text); ok && strings.Contains(x.Text, "₫") {
				size = max(size, x.TextSize)
			}
		})
		return size
	}
	normal := largestPrice()
	test.Tap(k.bar.aa)
	defer test.Tap(k.bar.aa)
	if large := largestPrice(); normal == 0 || large < normal*1.45 {
		t.Errorf("tile prices: %v in normal text, %v in large text; want at least 1.5×", normal, large)
	}
}

// The language buttons stay in place when a visitor switches language,
// on every shape: the next language is where the finger expects it.
func TestLanguageButtonsStayPutAcrossLanguages(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}, {Width: 1366, Height: 768}, {Width: 1280, Height: 800}} {
		w.Resize(size)
		var first map[data.Lang]fyne.Position
		for _, l := range data.Languages {
			k.SetLanguage(l)
			k.Open(Route{Screen: ScreenProducts})
			at := map[data.Lang]fyne.Position{}
			for lang, b := range k.bar.langs {
				at[lang] = fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			}
			if first == nil {
				first = at
				continue
			}
			for lang, p := range at {
				if d := p.Subtract(first[lang]); abs32(d.X) > 4 || abs32(d.Y) > 4 { // a pixel or so of font metrics is no move
					t.Errorf("%vx%v: in %s the %s button is at %v, in %s at %v", size.Width, size.Height, l, lang, p, data.Languages[0], first[lang])
				}
			}
		}
	}
}
