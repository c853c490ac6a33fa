package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// TestStaffScreensForDocs renders the staff screens, with the dashboard
// filled by scripted visitors, into $OCOP_DOCS_DIR (`make screenshots`).
func TestStaffScreensForDocs(t *testing.T) {
	dir := os.Getenv("OCOP_DOCS_DIR")
	if dir == "" {
		t.Skip("set OCOP_DOCS_DIR to write the staff screenshots")
	}
	f := newStaffKiosk(t)
	k := f.k
	f.clock.now = time.Date(2026, 11, 16, 9, 0, 0, 0, time.Local)
	visits := []struct {
		lang     data.Lang
		products []string
		village  string
		search   string
	}{
		{data.KO, []string{"bt-lotus-tea-set", "bt-crackle-vase"}, "bat-trang", ""},
		{data.VI, []string{"vp-silk-tie"}, "van-phuc", "lua"},
		{data.EN, []string{"bt-lotus-tea-set"}, "duyen-thai", "lacquer"},
		{data.ZH, []string{"bt-crackle-vase", "bt-lotus-tea-set"}, "bat-trang", "xyz"},
		{data.JA, []string{"bt-lotus-tea-set"}, "chuyen-my", "kham trai"},
	}
	for day := 0; day < 14; day++ {
		for i := 0; i < 2+(day*7)%5; i++ {
			v := visits[(day+i)%len(visits)]
			k.Touch()
			if v.lang != data.VI {
				k.SetLanguage(v.lang)
			}
			for _, id := range v.products {
				k.Open(Route{Screen: ScreenProduct, ID: id})
			}
			k.Open(Route{Screen: ScreenVillage, ID: v.village})
			if v.search != "" {
				k.session.searchText = v.search
				k.Open(Route{Screen: ScreenSearch})
			}
			f.clock.advance(3 * time.Minute)
			k.CheckIdle()
			k.CheckIdle()
			f.clock.advance(20 * time.Minute)
		}
		f.clock.now = f.clock.now.Add(24 * time.Hour).Truncate(24 * time.Hour).Add(9 * time.Hour)
	}
	f.events.Flush()
	k.Reset()
	shot := func(name string) {
		file, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer file.Close()
		png.Encode(file, f.w.Canvas().Capture())
	}
	// The notice on a kiosk with no PIN.
	f.tapTitle(5)
	shot("staff-no-pin")
	test.Tap(button(t, k, k.st("staff.ok")))
	f.st.SetPIN(k.ctx, "246813")
	f.st.Now = f.clock.Now
	f.tapTitle(5)
	f.typePIN(t, "1")
	shot("staff-pin")
	for range data.MaxPINFailures {
		f.typePIN(t, "000000")
	}
	f.clock.advance(6 * time.Second)
	k.CheckIdle()
	shot("staff-lockout")
	f.clock.advance(30 * time.Second)
	k.CheckIdle()
	f.typePIN(t, "246813")
	for _, tab := range []string{"content", "translations", "analytics", "settings"} {
		test.Tap(button(t, k, k.st("staff.tab_"+tab)))
		shot("staff-" + tab)
	}
	test.Tap(button(t, k, k.st("settings.save"))) // for the audit log
	// The picker, on a fake USB stick.
	test.Tap(button(t, k, k.st("staff.tab_content")))
	fakeUSB(t, f)
	test.Tap(button(t, k, k.st("content.import")))
	shot("staff-picker-drives")
	test.Tap(findPickerRow(t, k, "KINGSTON"))
	shot("staff-picker")
	test.Tap(button(t, k, k.st("staff.cancel")))
	// A pack with mistakes: each problem in the staff language.
	broken := filepath.Join(t.TempDir(), "broken")
	if err := pack.Export(k.ctx, f.st, broken); err != nil {
		t.Fatal(err)
	}
	products := filepath.Join(broken, "products.csv")
	b, _ := os.ReadFile(products)
	os.WriteFile(products, []byte(strings.Replace(strings.Replace(string(b), ",5,", ",7,", 1), "https://", "http://", 1)), 0o644)
	os.Remove(filepath.Join(broken, "images", "bat-trang", "cover.jpg"))
	<-k.staff.panel.content.importPack(broken)
	shot("staff-import-problems")
	test.Tap(button(t, k, k.st("staff.tab_audit")))
	shot("staff-audit")
}
