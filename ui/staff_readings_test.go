package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Staff see, in the Translations tab, the kana and pinyin made at import
// for a product whose name is written in characters.
func TestTranslationsTabShowsReadings(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.t("staff.tab_translations")))
	if !onScreen(k, k.t("translations.readings")) {
		t.Fatal("no readings section")
	}
	// 冰裂釉荷花茶具套装 (the lotus tea set) read by go-pinyin.
	if !onScreen(k, "bīng liè yòu hé huā chá jù tào zhuāng") {
		t.Errorf("the tea set's pinyin is not shown: %q", texts(k))
	}
	if !onScreen(k, "ちゃき") {
		t.Error("the tea set's kana (茶器 → ちゃき) is not shown")
	}
}
