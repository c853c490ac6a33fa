package ui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// On a kiosk with no PIN the gesture reaches no staff screen: it only says
// how to set staff mode up, in Vietnamese.
func TestTheGestureOnAKioskWithoutAPINOpensNothing(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	k.SetLanguage(data.EN) // a visitor left it in English: staff text stays Vietnamese
	f.tapTitle(5)
	if k.inStaffMode() || k.staff.pad != nil || k.StaffPanelOpen() {
		t.Fatal("the gesture opened staff mode on a kiosk without a PIN")
	}
	if !onScreen(k, "Chế độ nhân viên chưa được thiết lập") || !onScreen(k, "ocopkiosk set-pin") {
		t.Fatalf("no Vietnamese notice: %q", texts(k))
	}
	if len(buttonsIn(k.Root(), "1")) != 0 {
		t.Fatal("a PIN pad is on screen")
	}
	test.Tap(button(t, k, k.st("staff.ok")))
	if k.Overlay() != nil {
		t.Fatal("the notice stayed after OK")
	}
}

// A setup code from `ocopkiosk setup-code` lets staff choose the first PIN
// at the kiosk; weak PINs are refused; the code then stops working.
func TestASetupCodeSetsTheFirstPIN(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	f.st.Now = f.clock.Now
	code, _, err := f.st.NewSetupCode(context.Background(), 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	f.tapTitle(5)
	if !onScreen(k, k.st("staff.code_title")) {
		t.Fatalf("the gesture did not ask for the setup code: %q", texts(k))
	}
	f.typePIN(t, "00000000")
	if k.StaffPanelOpen() || !onScreen(k, k.sn("staff.code_wrong", 4)) {
		t.Fatalf("a wrong code: %q", texts(k))
	}
	f.typePIN(t, code)
	if !onScreen(k, k.st("staff.pin_new")) {
		t.Fatalf("a right code did not ask for the new PIN: %q", texts(k))
	}
	f.typePIN(t, "123456")
	if !onScreen(k, k.st("staff.pin_invalid")) {
		t.Fatal("123456 was accepted")
	}
	f.typePIN(t, "482913")
	f.typePIN(t, "482914")
	if !onScreen(k, k.st("staff.pin_mismatch")) {
		t.Fatal("two different PINs were accepted")
	}
	f.typePIN(t, "482913")
	f.typePIN(t, "482913")
	if !k.StaffPanelOpen() {
		t.Fatal("setting a PIN did not open staff mode")
	}
	if has, _ := f.st.HasSetupCode(context.Background()); has {
		t.Error("the setup code still works")
	}
}

// During a lockout the keys are disabled and a countdown runs, and the pad
// does not move.
func TestLockoutDisablesTheKeysWithACountdownAndTheKeysStayPut(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	f.st.SetPIN(context.Background(), "246813")
	f.tapTitle(5)
	key := button(t, k, "5")
	before := fyne.CurrentApp().Driver().AbsolutePositionForObject(key)
	for range data.MaxPINFailures {
		f.typePIN(t, "000000")
	}
	if !key.disabled {
		t.Fatal("the keys are not disabled during the lockout")
	}
	if after := fyne.CurrentApp().Driver().AbsolutePositionForObject(key); after != before {
		t.Errorf("the key moved from %v to %v", before, after)
	}
	if !strings.Contains(k.staff.pad.message.Text, "0:30") {
		t.Errorf("countdown %q, want 0:30", k.staff.pad.message.Text)
	}
	f.clock.advance(10 * time.Second)
	k.CheckIdle()
	if !strings.Contains(k.staff.pad.message.Text, "0:20") {
		t.Errorf("countdown after 10 s: %q", k.staff.pad.message.Text)
	}
	f.clock.advance(21 * time.Second)
	k.CheckIdle()
	if key.disabled || k.staff.pad.locked() {
		t.Error("the keys stayed disabled after the lockout")
	}
}

// fakeUSB makes a folder standing for /media/USER with a stick holding the
// example pack as a folder and as a .zip, a folder that is no pack and a
// file that is neither.
func fakeUSB(t *testing.T, f *staffFixture) (media, packDir string) {
	t.Helper()
	media = t.TempDir()
	stick := filepath.Join(media, "KINGSTON")
	os.MkdirAll(stick, 0o755)
	packDir = filepath.Join(stick, "Gói nội dung tháng 12 của Trung tâm OCOP Hà Nội – bản cuối")
	if err := pack.Export(context.Background(), f.st, packDir); err != nil {
		t.Fatal(err)
	}
	if err := pack.Export(context.Background(), f.st, filepath.Join(stick, "ocop-backup.zip")); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(stick, "Ảnh chụp"), 0o755)
	os.WriteFile(filepath.Join(stick, "notes.txt"), []byte("x"), 0o644)
	f.k.opt.RemovableMedia = []string{media}
	return media, packDir
}

func TestThePickerListsTheRemovableDriveFirstWithThePacksTitle(t *testing.T) {
	f := newStaffKiosk(t)
	_, packDir := fakeUSB(t, f)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("content.import")))
	pk := k.staff.panel.content.picker
	if pk == nil || !onScreen(k, k.st("picker.title_import")) {
		t.Fatalf("no picker: %q", texts(k))
	}
	rows := pk.listed()
	if len(rows) != 1 || rows[0].text != "KINGSTON" {
		t.Fatalf("the picker starts at %+v, want the KINGSTON stick", rows)
	}
	test.Tap(findPickerRow(t, k, "KINGSTON"))
	rows = pk.listed()
	stats, _ := f.st.Stats(context.Background())
	var packs, folders []string
	for _, r := range rows {
		if r.isPack {
			packs = append(packs, r.text)
		} else {
			folders = append(folders, r.text)
		}
	}
	if len(packs) != 2 || !strings.HasPrefix(packs[0], stats.PackTitle+" · ") || len(folders) != 1 || folders[0] != "Ảnh chụp" {
		t.Fatalf("listed %+v", rows)
	}
	if !onScreen(k, filepath.Base(packDir)) {
		t.Error("the pack's whole folder name is not shown")
	}
	if onScreen(k, "notes.txt") {
		t.Error("a file that is no pack is listed")
	}
	// Choosing the pack imports it.
	test.Tap(findPickerRow(t, k, filepath.Base(packDir)))
	if k.staff.panel.content.picker != nil || !k.staff.panel.content.busy {
		t.Fatal("choosing a pack did not start the import")
	}
	<-k.staff.panel.content.importDone
	if !onScreen(k, k.st("content.import_ok")) {
		t.Fatalf("the import did not succeed: %q", texts(k))
	}
	// The next import starts where this one was chosen, not at the drives.
	test.Tap(button(t, k, k.st("content.import")))
	if at := k.staff.panel.content.picker.at; at != filepath.Dir(packDir) {
		t.Errorf("the picker opened again at %q, want the stick %q", at, filepath.Dir(packDir))
	}
}

// A picker left open is gone when staff mode times out, and a choice that
// arrives afterwards does nothing.
func TestAStaffDialogLeftOpenGoesWithStaffModeAndItsCallbackDoesNothing(t *testing.T) {
	f := newStaffKiosk(t)
	_, packDir := fakeUSB(t, f)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("content.import")))
	pk := k.staff.panel.content.picker
	// Activity inside the picker counts as a touch.
	f.clock.advance(100 * time.Second)
	test.Tap(findPickerRow(t, k, "KINGSTON"))
	f.clock.advance(100 * time.Second)
	k.CheckIdle()
	if !k.StaffPanelOpen() {
		t.Fatal("staff mode timed out although the picker was in use")
	}
	f.clock.advance(121 * time.Second)
	k.CheckIdle()
	if k.inStaffMode() || onScreen(k, k.st("picker.title_import")) {
		t.Fatal("the picker outlived staff mode")
	}
	before, _ := f.st.Stats(context.Background())
	pk.onChoose(packDir) // a late callback
	time.Sleep(200 * time.Millisecond)
	if after, _ := f.st.Stats(context.Background()); !reflect.DeepEqual(before, after) {
		t.Fatal("a choice made after staff mode closed imported a pack")
	}
	if k.inStaffMode() {
		t.Fatal("a late callback reopened staff mode")
	}
}

// gatedImport is the store's backend with an import that, after its first
// progress report, waits for the test (or a cancel) before it goes on:
// the test can then tap Cancel without racing the import's own updates.
type gatedImport struct {
	StoreBackend
	started chan struct{}
}

func (g gatedImport) ImportPack(ctx context.Context, path string, progress func(pack.Progress)) error {
	progress(pack.Progress{Stage: "photos", Done: 1, Total: 100})
	close(g.started)
	<-ctx.Done() // Cancel
	return g.StoreBackend.ImportPack(ctx, path, progress)
}

// Cancel during an import leaves the catalogue as it was.
func TestCancelDuringImportLeavesTheCatalogue(t *testing.T) {
	f := newStaffKiosk(t)
	_, packDir := fakeUSB(t, f)
	// A different pack: one product renamed.
	products := filepath.Join(packDir, "products.csv")
	b, _ := os.ReadFile(products)
	os.WriteFile(products, []byte(strings.Replace(string(b), "Bộ ấm", "Bộ ấm mới", 1)), 0o644)
	gate := gatedImport{StoreBackend: StoreBackend{f.st}, started: make(chan struct{})}
	f.k.opt.Staff = gate
	f.unlock(t)
	k := f.k
	v := k.staff.panel.content
	before, _ := f.st.LoadCatalogue(context.Background())
	done := v.importPack(packDir)
	<-gate.started
	if !v.buttons[0].disabled || !v.buttons[1].disabled || !v.cancel.Visible() || v.cancel.disabled {
		t.Error("the buttons are not disabled, or Cancel is not offered, during the import")
	}
	test.Tap(v.cancel)
	<-done
	if !onScreen(k, k.st("content.import_cancelled")) {
		t.Fatalf("no cancelled message: %q", texts(k))
	}
	after, _ := f.st.LoadCatalogue(context.Background())
	if !reflect.DeepEqual(before, after) {
		t.Fatal("a cancelled import changed the catalogue")
	}
	if v.buttons[0].disabled {
		t.Error("the buttons stayed disabled")
	}
	log, _ := f.st.AuditLog(context.Background(), time.Time{}, time.Time{}, 1)
	if len(log) != 1 || log[0].Action != data.AuditImport || log[0].Outcome != data.OutcomeCancelled {
		t.Errorf("audit log: %+v", log)
	}
}

// The audit log records sign-ins (and failures), settings changes, imports
// and leaving, and shows them in staff mode.
func TestTheAuditLogRecordsEachAction(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	f.st.SetPIN(context.Background(), "246813")
	f.tapTitle(5)
	f.typePIN(t, "999999")
	f.typePIN(t, "246813")
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	k.staff.panel.settings.s.IdleTimeout = 60 * time.Second
	test.Tap(button(t, k, k.st("settings.save")))
	test.Tap(button(t, k, k.st("staff.leave")))
	log, err := f.st.AuditLog(context.Background(), time.Time{}, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(log) - 1; i >= 0; i-- {
		got = append(got, log[i].Action+" "+log[i].Outcome+" "+log[i].Detail)
	}
	want := []string{"sign-in failed wrong", "sign-in ok ", "settings ok idle time", "sign-out ok by hand"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit log:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f.tapTitle(5)
	f.typePIN(t, "246813")
	test.Tap(button(t, k, k.st("staff.tab_audit")))
	if !onScreen(k, k.st("audit.action_settings")) || !onScreen(k, k.st("audit.outcome_failed")) || !onScreen(k, k.st("settings.idle")) {
		t.Errorf("the audit tab does not show the log: %q", texts(k))
	}
}

// After a recovery the old PIN still opens staff mode.
func TestAfterARecoveryTheOldPINStillOpensStaffMode(t *testing.T) {
	f := newStaffKiosk(t)
	f.st.SetPIN(context.Background(), "246813")
	f.st.Close()
	if err := data.MarkDamaged(f.dbPath, os.ErrInvalid); err != nil {
		t.Fatal(err)
	}
	st, rec, err := data.OpenOrRecover(f.dbPath, func(st *data.Store) (string, error) {
		_, err := pack.ImportFS(context.Background(), st, sampleFS(), pack.Options{})
		return "the built-in sample", err
	})
	if err != nil || !rec.Happened {
		t.Fatalf("recovery: %+v, %v", rec, err)
	}
	st.Close()
	f.open(t)
	f.tapTitle(5)
	f.typePIN(t, "246813")
	if !f.k.StaffPanelOpen() {
		t.Fatalf("the old PIN does not open staff mode after a recovery: %q", texts(f.k))
	}
}

// A setting that a command-line flag overrides says so, with the value in
// effect; saving keeps the flag's value in effect.
func TestSettingsShowACommandLineOverride(t *testing.T) {
	f := newStaffKiosk(t)
	f.k.opt.Overridden = map[string]string{"idle": "--idle 20s"}
	f.k.opt.IdleTimeout = 20 * time.Second
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	if !onScreen(k, "--idle 20s") || !onScreen(k, k.sn("settings.seconds", 20)) {
		t.Fatalf("no override shown: %q", texts(k))
	}
	test.Tap(button(t, k, k.st("settings.save")))
	if k.opt.IdleTimeout != 20*time.Second {
		t.Errorf("saving replaced the flag's idle time with %v", k.opt.IdleTimeout)
	}
}

// The Vietnamese Translations tab names missing fields in Vietnamese.
func TestTranslationsTabNamesMissingFieldsInTheStaffLanguage(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_translations")))
	for _, s := range texts(k) {
		if strings.Contains(s, ": ") && (strings.Contains(s, "story") || strings.Contains(s, "description")) {
			t.Errorf("untranslated field name in %q", s)
		}
	}
}

// findPickerRow is the picker row (its whole card reacts) showing text.
func findPickerRow(t *testing.T, k *Kiosk, text string) *backdrop {
	t.Helper()
	var found *backdrop
	walk(k.Root(), func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) < 2 || !c.Visible() {
			return
		}
		b, ok := c.Objects[0].(*backdrop)
		if !ok {
			return
		}
		has := false
		walk(c, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && l.Text == text {
				has = true
			}
		})
		if has {
			found = b // the innermost card comes last
		}
	})
	if found == nil {
		t.Fatalf("no row shows %q: %q", text, texts(k))
	}
	return found
}

// A pack without a centre name still leaves a title to tap for staff mode.
func TestTheStaffGestureNeedsATitleEvenWithoutACentreName(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	k.centre = data.Centre{}
	k.show()
	target := firstOf[*tapTarget](k)
	if target.MinSize().Width < 50 || !onScreen(k, "OCOP") {
		t.Fatalf("the title is %v wide: %q", target.MinSize(), texts(k))
	}
}

// A pack that cannot be read is listed with the reason, in the staff
// language, not left out or shown as a plain folder; touching it imports
// it, which lists every problem.
func TestThePickerListsADamagedPackWithTheReason(t *testing.T) {
	f := newStaffKiosk(t)
	_, packDir := fakeUSB(t, f)
	stick := filepath.Dir(packDir)
	broken := filepath.Join(stick, "gói hỏng")
	os.MkdirAll(broken, 0o755)
	os.WriteFile(filepath.Join(broken, "manifest.json"), []byte(`{"format": 1, "title": `), 0o644)
	os.WriteFile(filepath.Join(stick, "cut-short.zip"), []byte("PK\x03\x04 not really a zip"), 0o644)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("content.import")))
	pk := k.staff.panel.content.picker
	test.Tap(findPickerRow(t, k, "KINGSTON"))
	damaged := 0
	for _, r := range pk.listed() {
		if r.isPack && (strings.HasPrefix(r.text, "gói hỏng · ") || strings.HasPrefix(r.text, "cut-short.zip · ")) {
			damaged++
		}
	}
	if damaged != 2 {
		t.Fatalf("the damaged packs are not listed as packs: %+v", pk.listed())
	}
	if !onScreen(k, strings.SplitN(k.st("picker.damaged", "Error", "X"), "X", 2)[0]) {
		t.Errorf("no reason is given in the staff language: %q", texts(k))
	}
	test.Tap(findPickerRow(t, k, "gói hỏng"))
	<-k.staff.panel.content.importDone
	if !onScreen(k, "manifest.json") {
		t.Errorf("importing the damaged pack did not list its problem: %q", texts(k))
	}
}
