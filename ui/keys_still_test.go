package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
)

// The keys stay where they are while a visitor types, on every page of
// every keyboard, in portrait and landscape: a candidates row appearing
// (Chinese) or the layout catching up with a page of fewer rows (Japanese
// ABC) moved them down under the finger.
func TestKeysStayPutWhileTyping(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	for _, size := range []fyne.Size{fyne.NewSize(1080, 1920), fyne.NewSize(1920, 1080)} {
		w.Resize(size)
		for _, lang := range []data.Lang{data.ZH, data.JA, data.KO} {
			k.lang = lang
			k.ShowRoute(Route{Screen: ScreenSearch})
			var firstRow []float32 // the top of the keys, per page
			for page := 0; page < 2; page++ {
				if page > 0 {
					sw := buttonIfAny(k, k.t("key.latin"))
					if sw == nil {
						continue // one page only
					}
					test.Tap(sw)
				}
				w.Content().Refresh() // lay the whole screen out, as the next frame would
				before := keyPlaces(k, size)
				firstRow = append(firstRow, topOfKeys(before))
				for _, key := range []string{"t", "a", "o", "と", "う", "ㄷ", "ㅗ"} {
					if b := buttonIfAny(k, key); b != nil {
						test.Tap(b)
					}
				}
				after := keyPlaces(k, size)
				name := fmt.Sprintf("%vx%v/%s/page %d", size.Width, size.Height, lang, page)
				for label, at := range before {
					if got, ok := after[label]; ok && got != at {
						t.Errorf("%s: key %q moved from %v to %v while typing", name, label, at, got)
						break
					}
				}
				if c := buttonIfAny(k, k.t("key.clear")); c != nil {
					test.Tap(c)
				}
			}
			if len(firstRow) == 2 && firstRow[0] != firstRow[1] {
				t.Errorf("%vx%v/%s: the keys start at y=%v on one page and %v on the other", size.Width, size.Height, lang, firstRow[0], firstRow[1])
			}
		}
	}
}

// topOfKeys is the top of the highest key of the keyboard (a letter key:
// one character).
func topOfKeys(places map[string]rect) float32 {
	top := float32(1e9)
	for label, at := range places {
		if len([]rune(label)) == 1 && at.y0 > 200 {
			top = min(top, at.y0)
		}
	}
	return top
}

// keyPlaces is where each key of the search keyboard is, by its label.
func keyPlaces(k *Kiosk, size fyne.Size) map[string]rect {
	out := map[string]rect{}
	for _, p := range placeAll(k.Root(), size) {
		if b, ok := p.obj.(*touchButton); ok && b.text != "" {
			if _, seen := out[b.text]; !seen {
				out[b.text] = p.at
			}
		}
	}
	return out
}
