package ui

import (
	"image/color"
	"testing"

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
