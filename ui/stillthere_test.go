package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2/canvas"

	"ocopkiosk/data"
)

// The "Still there?" card holds its title, countdown and button at every
// shape, in the longest languages, with large text: a fixed box once cut
// the button in half at 1080x1920 in Japanese.
func TestStillThereFitsItsCard(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	eachLook(k, []data.Lang{data.VI, data.JA}, func(lang data.Lang, large bool) {
		for _, size := range testShapes {
			w.Resize(size)
			k.ShowRoute(Route{Screen: ScreenStillThere})
			name := fmt.Sprintf("%vx%v/%s/large=%v", size.Width, size.Height, lang, large)
			var card rect
			var inside []placed
			overlayHolder = k.overlay
			for _, p := range placeAll(k.Root(), size) {
				if p.layer != 1 {
					continue
				}
				switch x := p.obj.(type) {
				case *canvas.Rectangle:
					if x.CornerRadius == 24 {
						card = p.at
					}
				case *canvas.Text, *touchButton:
					inside = append(inside, p)
				}
			}
			if card.empty() {
				t.Fatalf("%s: no card", name)
			}
			if len(inside) < 3 {
				t.Fatalf("%s: the card shows %d texts and buttons, want title, countdown and button", name, len(inside))
			}
			for _, p := range inside {
				r := p.at
				if x, ok := p.obj.(*canvas.Text); ok {
					r = inkRect(x, p.at)
				}
				if r.x0 < card.x0 || r.x1 > card.x1 || r.y0 < card.y0 || r.y1 > card.y1 {
					t.Errorf("%s: %T at %v is not within the card %v", name, p.obj, r, card)
				}
			}
			if card.x0 < 0 || card.y0 < 0 || card.x1 > size.Width || card.y1 > size.Height {
				t.Errorf("%s: the card %v is not within the window", name, card)
			}
		}
	})
}
