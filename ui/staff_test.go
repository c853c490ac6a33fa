package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/i18n"
	"ocopkiosk/lang"
)

// staffFixture is a kiosk with staff mode on its own copy of the sample
// database, which staff tests change.
type staffFixture struct {
	k      *Kiosk
	w      fyne.Window
	clock  *fakeClock
	st     *data.Store
	dbPath string
	events *data.Recorder
}

func newStaffKiosk(t *testing.T) *staffFixture {
	t.Helper()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "kiosk.db")
	copyTree(t, sampleDB, dbPath)
	copyTree(t, sampleDB+".media", dbPath+".media")
	f := &staffFixture{dbPath: dbPath, clock: &fakeClock{now: time.Date(2026, 11, 30, 10, 0, 0, 0, time.Local)}}
	f.open(t)
	return f
}

// open (re)opens the store and a kiosk on it, as a restart would.
func (f *staffFixture) open(t *testing.T) {
	t.Helper()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(Theme())
	st, err := data.Open(f.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = f.clock.Now
	f.st = st
	f.events = data.NewRecorder(st, data.RecorderOptions{})
	t.Cleanup(func() { f.events.Close(); st.Close() })
	f.k = New(st, i18n.MustLoad(), Options{Now: f.clock.Now, SyncPhotos: true, Animate: runAllFrames,
		Staff: StoreBackend{st}, Events: f.events})
	f.w = test.NewTempWindow(t, f.k.Root())
	f.w.SetPadded(false)
	f.w.Resize(fyne.NewSize(1920, 1080))
	f.k.SetWindow(f.w)
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		defer out.Close()
		_, err = io.Copy(out, in)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// tapTitle makes the staff gesture: five taps on the title.
func (f *staffFixture) tapTitle(times int) {
	target := firstOf[*tapTarget](f.k)
	for range times {
		test.Tap(target)
		f.clock.advance(200 * time.Millisecond)
	}
}

func (f *staffFixture) typePIN(t *testing.T, pin string) {
	t.Helper()
	for _, d := range pin {
		test.Tap(button(t, f.k, string(d)))
	}
	test.Tap(button(t, f.k, f.k.st("staff.ok")))
}

func buttonsIn(root fyne.CanvasObject, text string) []*touchButton {
	var out []*touchButton
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*touchButton); ok && b.text == text {
			out = append(out, b)
		}
	})
	return out
}

func TestStaffGestureAndPIN(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	if err := f.st.SetPIN(context.Background(), "482913"); err != nil {
		t.Fatal(err)
	}
	f.tapTitle(4)
	if k.staff.pad != nil {
		t.Fatal("four taps opened the PIN pad")
	}
	f.clock.advance(3 * time.Second)
	f.tapTitle(4) // taps older than two seconds do not count
	if k.staff.pad != nil {
		t.Fatal("taps spread over more than two seconds opened the PIN pad")
	}
	f.tapTitle(1)
	if k.staff.pad == nil || !onScreen(k, k.st("staff.pin_title")) {
		t.Fatal("the gesture did not ask for the PIN")
	}
	f.typePIN(t, "482913")
	if !k.StaffPanelOpen() {
		t.Fatal("the right PIN did not open staff mode")
	}
	test.Tap(button(t, k, k.st("staff.leave")))
	if k.inStaffMode() || k.Overlay() != nil {
		t.Fatal("Leave staff mode did not leave")
	}

	// Wrong PINs lock the pad; the lockout survives a restart.
	f.tapTitle(5)
	for i := 0; i < 5; i++ {
		f.typePIN(t, "000000")
	}
	if !k.staff.pad.locked() {
		t.Fatalf("no lockout after 5 wrong PINs: %q", k.staff.pad.message.Text)
	}
	f.typePIN(t, "482913")
	if k.StaffPanelOpen() {
		t.Fatal("the right PIN opened staff mode during a lockout")
	}
	f.open(t) // restart
	k = f.k
	f.tapTitle(5)
	if !k.staff.pad.locked() {
		t.Fatal("a restart cleared the lockout")
	}
	f.typePIN(t, "482913")
	if k.StaffPanelOpen() {
		t.Fatal("a restart cleared the lockout")
	}
	f.clock.advance(31 * time.Second)
	k.CheckIdle() // the countdown's tick opens the keys
	f.typePIN(t, "482913")
	if !k.StaffPanelOpen() {
		t.Fatal("the right PIN after the lockout did not open staff mode")
	}
}

func (f *staffFixture) unlock(t *testing.T) {
	t.Helper()
	if err := f.st.SetPIN(context.Background(), "246813"); err != nil {
		t.Fatal(err)
	}
	f.tapTitle(5)
	f.typePIN(t, "246813")
	if !f.k.StaffPanelOpen() {
		t.Fatal("could not unlock staff mode")
	}
}

func TestStaffModeLeavesItselfAndTheIdleResetNeverLeavesAVisitorInside(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	f.clock.advance(110 * time.Second)
	f.k.CheckIdle()
	if !f.k.StaffPanelOpen() {
		t.Fatal("staff mode closed before 2 minutes")
	}
	f.clock.advance(11 * time.Second)
	f.k.CheckIdle()
	if f.k.inStaffMode() || f.k.Current().Screen != ScreenHome {
		t.Fatal("staff mode did not leave itself after 2 minutes")
	}
	// An abandoned PIN pad goes with the visitor timeout.
	f.tapTitle(5)
	f.clock.advance(91 * time.Second)
	f.k.CheckIdle()
	if f.k.inStaffMode() {
		t.Fatal("an abandoned PIN pad stayed open")
	}
}

func TestStaffImportShowsProblemsOrUpdatesTheVisitorScreens(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	good := filepath.Join(t.TempDir(), "good")
	if err := pack.Export(context.Background(), f.st, good); err != nil {
		t.Fatal(err)
	}
	// A broken copy: a bad star rating and a missing photo.
	broken := filepath.Join(t.TempDir(), "broken")
	copyTree(t, good, broken)
	products := filepath.Join(broken, "products.csv")
	b, _ := os.ReadFile(products)
	os.WriteFile(products, []byte(strings.Replace(string(b), ",5,", ",7,", 1)), 0o644)
	os.Remove(filepath.Join(broken, "images", "bat-trang", "cover.jpg"))
	before, _ := f.st.Stats(context.Background())

	<-k.staff.panel.content.importPack(broken)
	// Each problem in the staff language (Vietnamese here), its place
	// (file, line, column) and the pack's own value as they are.
	stars := "products.csv:2: stars: " + k.msg.Say(data.VI, lang.Phrasef("%q is not a star rating; expected 3, 4 or 5", "7"))
	if !onScreen(k, k.sn("content.import_failed", 2)) || !onScreen(k, stars) ||
		!onScreen(k, "villages.csv:2: cover:") {
		t.Fatalf("the problems are not listed as %q: %q", stars, texts(k))
	}
	if onScreen(k, "is not a star rating") || onScreen(k, "is not in the pack") {
		t.Errorf("a problem is shown in English on the Vietnamese staff screen: %q", texts(k))
	}
	after, _ := f.st.Stats(context.Background())
	if !reflect.DeepEqual(before, after) {
		t.Fatal("a broken pack changed the content")
	}

	// A good pack with a renamed product shows on the visitor screens.
	b, _ = os.ReadFile(filepath.Join(good, "products.csv"))
	p, _ := f.st.Product(context.Background(), "bt-lotus-tea-set")
	os.WriteFile(filepath.Join(good, "products.csv"), []byte(strings.Replace(string(b), p.Name[data.VI], "Bộ trà sen mới", 1)), 0o644)
	<-k.staff.panel.content.importPack(good)
	if !onScreen(k, k.st("content.import_ok")) {
		t.Fatalf("no success message: %q", texts(k))
	}
	test.Tap(button(t, k, k.st("staff.leave")))
	k.Open(Route{Screen: ScreenProduct, ID: "bt-lotus-tea-set"})
	if !onScreen(k, "Bộ trà sen mới") {
		t.Error("the visitor screen does not show the imported name")
	}
}

func TestStaffSettingsAreCheckedAndTakeEffect(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	v := k.staff.panel.settings
	v.s.IdleTimeout = 5 * time.Second // below the minimum
	test.Tap(button(t, k, k.st("settings.save")))
	// Refused under the Settings tab's own name for it, in Vietnamese.
	if !onScreen(k, k.st("settings.idle")+": ") || onScreen(k, "IdleTimeout") || onScreen(k, "must be between") {
		t.Fatalf("an invalid idle timeout was not refused in the staff language: %q", texts(k))
	}
	stored, _ := f.st.Settings(context.Background())
	if stored.IdleTimeout != 90*time.Second {
		t.Fatal("an invalid setting was stored")
	}
	v.s.IdleTimeout = 45 * time.Second
	chips := buttonsIn(v.body, "日本語") // the offered-languages chip, the default-language chip, the staff-language chip
	if len(chips) != 3 {
		t.Fatalf("%d 日本語 chips in the settings form", len(chips))
	}
	test.Tap(chips[1])
	if v.s.DefaultLang != data.JA {
		t.Fatal("the default-language chip did not choose Japanese")
	}
	test.Tap(button(t, k, k.st("settings.save")))
	if !onScreen(k, k.st("settings.saved")) {
		t.Fatalf("saving failed: %q", texts(k))
	}
	if k.opt.IdleTimeout != 45*time.Second || k.opt.DefaultLang != data.JA {
		t.Errorf("not in effect: idle %v, default language %s", k.opt.IdleTimeout, k.opt.DefaultLang)
	}
	stored, _ = f.st.Settings(context.Background())
	if stored.IdleTimeout != 45*time.Second {
		t.Errorf("idle timeout stored: %v", stored.IdleTimeout)
	}
}

func TestVisitorEventsReachTheDashboard(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	test.Tap(card(t, k, k.t("home.products")))
	k.Open(Route{Screen: ScreenProduct, ID: "bt-lotus-tea-set"})
	test.Tap(button(t, k, "한국어"))
	k.Open(Route{Screen: ScreenSearch})
	test.Tap(button(t, k, k.t("key.latin"))) // the Korean keyboard opens on Hangul
	for _, key := range "xyzq" {
		test.Tap(button(t, k, string(key)))
	}
	k.Home()
	f.clock.advance(2 * time.Minute)
	k.CheckIdle()
	k.CheckIdle()
	f.events.Flush()
	day := f.clock.Now()
	r, err := f.st.Report(context.Background(), day, day, 10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sessions != 1 || len(r.TopProducts) == 0 || r.TopProducts[0].ID != "bt-lotus-tea-set" ||
		len(r.NoResultSearches) == 0 || r.NoResultSearches[0].Query != "xyzq" || len(r.QRByKind) == 0 {
		t.Fatalf("report = %+v", r)
	}
	f.unlock(t) // staff's first touch starts a session too: it cannot tell staff from visitors yet
	f.events.Flush()
	r, _ = f.st.Report(context.Background(), day, day, 10)
	test.Tap(button(t, k, k.st("staff.tab_analytics")))
	if !onScreen(k, k.sn("analytics.total", r.Sessions)) || !onScreen(k, "“xyzq”") {
		t.Errorf("the dashboard does not show the session: %q", texts(k))
	}
}

// After a damaged database was rebuilt at start, staff mode says so until
// dismissed.
func TestStaffModeReportsARecoveredDatabase(t *testing.T) {
	f := newStaffKiosk(t)
	f.st.Close()
	if err := os.WriteFile(f.dbPath, []byte(strings.Repeat("not a database ", 1000)), 0o644); err != nil {
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
	f.unlock(t)
	k := f.k
	if !onScreen(k, k.st("content.recovered_title")) {
		t.Fatalf("no recovery note in staff mode: %q", texts(k))
	}
	test.Tap(button(t, k, k.st("content.dismiss")))
	if onScreen(k, k.st("content.recovered_title")) {
		t.Error("the note stayed after Dismiss")
	}
}

// Settings edited and not saved survive a look at another tab, and the
// tab says they are not saved; leaving staff mode drops them.
func TestUnsavedSettingsSurviveATabSwitch(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	k.staff.panel.settings.s.IdleTimeout = 45 * time.Second
	test.Tap(button(t, k, k.st("staff.tab_content")))
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	if got := k.staff.panel.settings.s.IdleTimeout; got != 45*time.Second {
		t.Fatalf("the unsaved idle timeout was dropped on a tab switch: %v", got)
	}
	if !onScreen(k, k.st("settings.unsaved")) {
		t.Errorf("the tab does not say its changes are unsaved: %q", texts(k))
	}
	test.Tap(button(t, k, k.st("staff.leave")))
	f.unlock(t)
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	if got := k.staff.panel.settings.s.IdleTimeout; got != 90*time.Second || onScreen(k, k.st("settings.unsaved")) {
		t.Errorf("after leaving staff mode the form should show what is stored: %v", got)
	}
}

// The centre's Vietnamese name is typed with its marks (Telex here), and
// the chip turns them off for letters that must stay as typed.
func TestStaffTypesTheVietnameseNameWithMarks(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	v := k.staff.panel.settings
	edits := buttonsIn(v.body, k.st("settings.edit"))
	test.Tap(edits[1]) // the centre name, in Vietnamese
	test.Tap(button(t, k, k.st("key.clear")))
	press := func(keys string) {
		for _, r := range keys {
			if r == ' ' {
				test.Tap(button(t, k, k.st("key.space")))
				continue
			}
			test.Tap(button(t, k, string(r)))
		}
	}
	press("langf ngheef")
	test.Tap(button(t, k, k.st("settings.telex")))
	press(" ocop")
	test.Tap(button(t, k, k.st("staff.ok")))
	if got := v.s.CentreName[data.VI]; got != "làng nghề ocop" {
		t.Errorf("typed %q, want %q", got, "làng nghề ocop")
	}
	// Not saved yet, and seen as such: the edit must not reach the saved
	// copy (they shared one map) or a tab switch would drop it unseen.
	if !v.unsaved() || v.saved.CentreName[data.VI] == "làng nghề ocop" {
		t.Error("the name edit changed the saved settings' copy")
	}
	test.Tap(button(t, k, k.st("staff.tab_audit")))
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	if got := k.staff.panel.settings.s.CentreName[data.VI]; got != "làng nghề ocop" {
		t.Errorf("the name edit was dropped on a tab switch: %q", got)
	}
}

// On a small screen an import's problems can be read: they scroll with
// the rest of the tab, in a view as tall as the panel.
func TestImportProblemsReadableOnASmallScreen(t *testing.T) {
	f := newStaffKiosk(t)
	f.w.Resize(fyne.NewSize(1366, 768))
	f.unlock(t)
	k := f.k
	broken := filepath.Join(t.TempDir(), "broken")
	if err := pack.Export(context.Background(), f.st, broken); err != nil {
		t.Fatal(err)
	}
	products := filepath.Join(broken, "products.csv")
	b, _ := os.ReadFile(products)
	os.WriteFile(products, []byte(strings.Replace(string(b), ",5,", ",7,", 1)), 0o644)
	<-k.staff.panel.content.importPack(broken)
	line := k.staff.panel.content.problems.Objects[0]
	var view *container.Scroll
	walk(k.Root(), func(o fyne.CanvasObject) {
		if s, ok := o.(*container.Scroll); ok && view == nil && holds(s.Content, line) {
			view = s
		}
	})
	if view == nil || view.Size().Height < 400 {
		t.Fatalf("the problems scroll in a view %v high on a 1366x768 screen", view.Size().Height)
	}
}

func holds(root, o fyne.CanvasObject) bool {
	found := false
	walk(root, func(x fyne.CanvasObject) { found = found || x == o })
	return found
}

// On a 1366×768 screen the typing sheet fits under the staff bar: the
// text being typed and the OK button are on screen.
func TestTheTypingSheetFitsASmallScreen(t *testing.T) {
	f := newStaffKiosk(t)
	f.w.Resize(fyne.NewSize(1366, 768))
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_settings")))
	body := k.staff.panel.body
	test.Tap(buttonsIn(k.staff.panel.settings.body, k.st("settings.edit"))[0])
	drv := fyne.CurrentApp().Driver()
	top := drv.AbsolutePositionForObject(body).Y
	var caret *canvas.Text
	walk(k.Root(), func(o fyne.CanvasObject) {
		if x, ok := o.(*canvas.Text); ok && strings.HasSuffix(x.Text, "|") {
			caret = x
		}
	})
	ok := button(t, k, k.st("staff.ok"))
	if caret == nil || drv.AbsolutePositionForObject(caret).Y < top {
		t.Errorf("the typed text is hidden under the staff bar (at y=%v, the panel starts at %v)", drv.AbsolutePositionForObject(caret).Y, top)
	}
	if y := drv.AbsolutePositionForObject(ok).Y + ok.Size().Height; y > 768 {
		t.Errorf("OK ends at y=%v, below the screen", y)
	}
}
