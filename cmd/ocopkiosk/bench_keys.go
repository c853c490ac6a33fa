//go:build devtools

package main

import (
	"fmt"
	"math/rand/v2"
	"time"
	"unicode"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
	"ocopkiosk/ui"
)

// keys times the visitor's keyboard on the national catalogue: for each
// language, whole product names typed key by key on the on-screen keys
// (Hangul jamo, kana, pinyin, Latin), each tap timed from the finger to
// the results re-laid out. That is all a key costs on the UI goroutine
// before the next frame is painted, so the target is one frame at 60 Hz.
func (b *bench) keys() error {
	// Photos decode off the UI goroutine, as in the kiosk: a result's
	// thumbnail is not part of the key's frame.
	h := ui.NewHarness(b.st, i18n.MustLoad(), ui.Options{}, fyne.NewSize(1920, 1080))
	defer h.Close()
	page, err := b.st.ListProducts(b.ctx, data.ProductFilter{Limit: 2000})
	if err != nil || len(page.Products) == 0 {
		return fmt.Errorf("no product: %v", err)
	}
	const namesPerLanguage = 8
	rng := rand.New(rand.NewPCG(11, 11))
	var all []time.Duration
	for _, lang := range data.Languages {
		h.Kiosk.SetLanguage(lang)
		h.Show(ui.Route{Screen: ui.ScreenSearch})
		var each []time.Duration
		for typed, tries := 0, 0; typed < namesPerLanguage; tries++ {
			if tries == 100 {
				return fmt.Errorf("%s: %d of 100 names could be typed on the keys", lang, typed)
			}
			prod, err := b.st.Product(b.ctx, page.Products[rng.IntN(len(page.Products))].ID)
			if err != nil {
				return err
			}
			keys := data.KeysOf(nationalQuery(lang, prod).Keys)
			for i, key := range keys {
				if r := []rune(key)[0]; !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					keys[i] = " " // a visitor types "mother of pearl" for "mother-of-pearl"
				}
			}
			if !h.HasKeys(keys) {
				continue // a Korean name with "VietGAP" in Latin letters: typed on another page
			}
			if err := h.TapButton(h.Say("key.clear")); err != nil {
				return err
			}
			for _, key := range keys {
				start := time.Now()
				if err := h.TapKey(key); err != nil {
					return fmt.Errorf("%s, %q: %w", lang, prod.Name[lang], err)
				}
				each = append(each, time.Since(start))
			}
			typed++
		}
		all = append(all, each...)
		p95 := percentile(each, 0.95)
		b.add(fmt.Sprintf("key tap → results laid out, %s (%d taps, %d names): p50 / p95", lang, len(each), namesPerLanguage),
			ms(median(each))+" / "+ms(p95), "p95 ≤ 16 ms", p95 <= 16*time.Millisecond)
	}
	worst := percentile(all, 1)
	b.add(fmt.Sprintf("key tap → results laid out, all %d taps: slowest", len(all)), ms(worst), "—", true)
	return nil
}
