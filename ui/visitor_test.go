package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

func TestNavigationByTaps(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	test.Tap(card(t, k, k.t("home.products")))
	if k.Current().Screen != ScreenProducts {
		t.Fatalf("after tapping Products: %v", k.Current())
	}
	page, _ := k.cat.ListProducts(k.ctx, data.ProductFilter{Limit: 1})
	first := page.Products[0]
	tile := firstOf[*tapCard](k)
	test.Tap(tile)
	if got := k.Current(); got != (Route{Screen: ScreenProduct, ID: first.ID}) {
		t.Fatalf("after tapping the first tile: %v, want product %s", got, first.ID)
	}
	if !onScreen(k, first.Name.In(data.VI)) {
		t.Error("the product screen does not show the product's name")
	}
	village, _ := k.cat.Village(k.ctx, first.VillageID)
	test.Tap(button(t, k, village.Name.In(data.VI)))
	if got := k.Current(); got != (Route{Screen: ScreenVillage, ID: first.VillageID}) {
		t.Fatalf("after tapping the village: %v", got)
	}
	test.Tap(button(t, k, k.t("nav.back")))
	if k.Current().Screen != ScreenProduct {
		t.Errorf("Back went to %v", k.Current())
	}
	test.Tap(button(t, k, k.t("nav.home")))
	if k.Current().Screen != ScreenHome || len(k.history) != 1 {
		t.Errorf("Home went to %v (history %v)", k.Current(), k.history)
	}
	test.Tap(card(t, k, k.t("home.tours")))
	tours, _ := k.cat.Tours(k.ctx, "")
	test.Tap(card(t, k, tours[0].Name.In(data.VI)))
	if got := k.Current(); got != (Route{Screen: ScreenTour, ID: tours[0].ID}) {
		t.Errorf("tour card opened %v", got)
	}
}

func TestDragScrollsAndIsNotATap(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenVillage, ID: "bat-trang"})
	scroll := mainScroll(k)
	if scroll == nil {
		t.Fatal("the village screen has no scroll")
	}
	test.Drag(w.Canvas(), fyne.NewPos(900, 600), 0, -400)
	if scroll.Offset.Y < 300 {
		t.Errorf("dragging up by 400 scrolled to %v", scroll.Offset.Y)
	}
	if k.Current().Screen != ScreenVillage {
		t.Errorf("a drag opened %v", k.Current())
	}
	test.Drag(w.Canvas(), fyne.NewPos(900, 600), 0, 1000)
	if scroll.Offset.Y != 0 {
		t.Errorf("dragging down past the top left the offset at %v", scroll.Offset.Y)
	}
}

func TestDragWithMomentumGlidesOn(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenVillage, ID: "bat-trang"})
	var layer *dragLayer
	walk(k.Root(), func(o fyne.CanvasObject) {
		if d, ok := o.(*dragLayer); ok {
			if a, ok := d.target.(scrollAdapter); ok && a.s == mainScroll(k) {
				layer = d
			}
		}
	})
	for range 5 { // a quick flick: 5 moves of 40 px, 10 ms apart
		layer.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -40}})
		time.Sleep(10 * time.Millisecond)
	}
	released := mainScroll(k).Offset.Y
	layer.DragEnd() // the test kiosk runs the fling's frames at once
	if mainScroll(k).Offset.Y <= released+50 {
		t.Errorf("no momentum: offset %v when released, %v after the fling", released, mainScroll(k).Offset.Y)
	}
	_ = w
}

func TestProductGridFiltersAndClears(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenProducts})
	all, _ := k.cat.ListProducts(k.ctx, data.ProductFilter{})
	if !onScreen(k, k.n("products.count", all.Total)) {
		t.Fatalf("count %d not shown", all.Total)
	}
	test.Tap(button(t, k, "5 ★"))
	five, _ := k.cat.ListProducts(k.ctx, data.ProductFilter{Stars: 5})
	if k.session.filter.Stars != 5 || !onScreen(k, k.n("products.count", five.Total)) || five.Total >= all.Total {
		t.Errorf("5-star filter: filter %+v, want %d products shown", k.session.filter, five.Total)
	}
	test.Tap(button(t, k, k.t("filter.clear")))
	if k.session.filter != defaultFilter() || !onScreen(k, k.n("products.count", all.Total)) {
		t.Errorf("clear filters left %+v", k.session.filter)
	}
}

func TestLanguageSwitchChangesTheScreenInPlace(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	page, _ := k.cat.ListProducts(k.ctx, data.ProductFilter{Limit: 1})
	p := page.Products[0]
	k.Open(Route{Screen: ScreenProduct, ID: p.ID})
	if !onScreen(k, "Quay lại") {
		t.Fatal("Vietnamese Back missing")
	}
	test.Tap(button(t, k, "English"))
	if k.Lang() != data.EN || k.Current().ID != p.ID {
		t.Fatalf("after English: lang %s, screen %v", k.Lang(), k.Current())
	}
	if !onScreen(k, "Back") || onScreen(k, "Quay lại") || !onScreen(k, p.Name.In(data.EN)) {
		t.Error("the screen did not change to English")
	}
	test.Tap(button(t, k, "日本語"))
	if !onScreen(k, "戻る") || !onScreen(k, p.Name.In(data.JA)) {
		t.Error("the screen did not change to Japanese")
	}
}

func TestIdleAsksThenResetsEverything(t *testing.T) {
	k, _, clock := newTestKiosk(t)
	k.Open(Route{Screen: ScreenProducts})
	test.Tap(button(t, k, "4 ★"))
	test.Tap(button(t, k, "한국어"))
	k.session.searchText = "gom"
	test.Tap(button(t, k, "Aa"))
	if !k.session.largeText || textScale < 1.5 {
		t.Fatal("Aa did not switch to large text")
	}
	clock.advance(89 * time.Second)
	k.CheckIdle()
	if k.Overlay() != nil {
		t.Fatal("warned before the idle timeout")
	}
	clock.advance(2 * time.Second)
	k.CheckIdle()
	if k.idle.warning == nil || !onScreen(k, k.t("idle.title")) {
		t.Fatal("no \"Still there?\" after 91 s")
	}
	test.Tap(button(t, k, k.t("idle.continue")))
	if k.Overlay() != nil || k.Current().Screen != ScreenProducts || k.Lang() != data.KO {
		t.Fatal("Continue did not keep the visitor where they were")
	}
	// A tap anywhere, not only on Continue, gives the time again.
	clock.advance(91 * time.Second)
	k.CheckIdle()
	test.Tap(firstOf[*backdrop](k))
	if k.Overlay() != nil || k.Current().Screen != ScreenProducts {
		t.Fatal("a tap beside the dialog did not keep the visitor where they were")
	}
	// The countdown gives at least 20 seconds (WCAG 2.2.1).
	clock.advance(91 * time.Second)
	k.CheckIdle()
	clock.advance(18 * time.Second)
	k.CheckIdle()
	if k.idle.warning == nil || k.Current().Screen != ScreenProducts {
		t.Fatal("the countdown gave less than 20 seconds")
	}
	clock.advance(2 * time.Second)
	k.CheckIdle()
	if k.Current().Screen != ScreenHome || k.Lang() != data.VI || k.session.filter != defaultFilter() ||
		k.session.searchText != "" || k.session.largeText || textScale != 1 {
		t.Errorf("after the countdown: screen %v, lang %s, filter %+v, search %q, large text %v",
			k.Current(), k.Lang(), k.session.filter, k.session.searchText, k.session.largeText)
	}
	if k.idle.attract == nil {
		t.Fatal("the attract loop did not start on Home")
	}
	if !onScreen(k, "Touch to start") || !onScreen(k, "タッチしてスタート") {
		t.Error("the attract loop does not say Touch to start in every language")
	}
	first := k.idle.attract.title.full
	clock.advance(k.opt.AttractInterval)
	k.CheckIdle()
	if k.idle.attract.title.full == first {
		t.Error("the attract loop did not move on")
	}
	test.Tap(firstOf[*backdrop](k))
	if k.Overlay() != nil || k.Current().Screen != ScreenHome {
		t.Error("a touch did not leave the attract loop for Home")
	}
}

func TestEveryHandlerCountsAsActivity(t *testing.T) {
	k, w, clock := newTestKiosk(t)
	k.Open(Route{Screen: ScreenVillages})
	clock.advance(80 * time.Second)
	test.Drag(w.Canvas(), fyne.NewPos(900, 600), 0, -100)
	clock.advance(80 * time.Second)
	k.CheckIdle()
	if k.Overlay() != nil {
		t.Error("a drag did not count as activity")
	}
	k.Open(Route{Screen: ScreenSearch})
	clock.advance(80 * time.Second)
	test.Tap(button(t, k, "a"))
	clock.advance(80 * time.Second)
	k.CheckIdle()
	if k.Overlay() != nil {
		t.Error("a key did not count as activity")
	}
}

func TestSearchUpdatesOnEveryKey(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	test.Tap(card(t, k, k.t("search.placeholder")))
	if k.Current().Screen != ScreenSearch {
		t.Fatalf("search box opened %v", k.Current())
	}
	for _, key := range []string{"b", "a", "t"} {
		test.Tap(button(t, k, key))
	}
	test.Tap(button(t, k, k.t("key.space")))
	for _, key := range []string{"t", "r"} {
		test.Tap(button(t, k, key))
	}
	if k.session.searchText != "bat tr" {
		t.Fatalf("typed %q", k.session.searchText)
	}
	v, _ := k.cat.Village(k.ctx, "bat-trang")
	hit := card(t, k, v.Name.In(data.VI))
	test.Tap(hit)
	if k.Current() != (Route{Screen: ScreenVillage, ID: "bat-trang"}) {
		t.Errorf("the Bát Tràng result opened %v", k.Current())
	}
}

// The code on the screen, read by a real decoder from a screenshot, is
// exactly the address printed under it.
func TestQRCodeOnScreenDecodesToThePrintedAddress(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed (Debian zbar-tools)")
	}
	k, w, _ := newTestKiosk(t)
	page, _ := k.cat.ListProducts(k.ctx, data.ProductFilter{Limit: 100})
	var p data.Product
	for _, c := range page.Products {
		if c.PurchaseURL != "" {
			p = c
			break
		}
	}
	k.Open(Route{Screen: ScreenProduct, ID: p.ID})
	if k.shownEnv.qr == nil {
		t.Fatal("no QR panel on the product screen")
	}
	printed := k.shownEnv.qr.address.Text
	if !strings.HasPrefix(printed, "https://") || !strings.Contains(printed, "utm_content="+p.ID) {
		t.Fatalf("printed address %q", printed)
	}
	shot := filepath.Join(t.TempDir(), "product.png")
	var buf bytes.Buffer
	png.Encode(&buf, w.Canvas().Capture())
	os.WriteFile(shot, buf.Bytes(), 0o644)
	out, err := exec.Command(zbar, "--raw", "-q", shot).Output()
	if err != nil {
		t.Fatalf("zbarimg found no code in the screenshot: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != printed {
		t.Errorf("the code says\n%s\nbut the screen prints\n%s", got, printed)
	}
}

// An expired certificate is said to be expired and never shown as valid.
func TestExpiredCertificateIsNeverShownAsValid(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	for _, lang := range data.Languages {
		k.lang = lang
		k.ShowRoute(Route{Screen: ScreenProduct, ID: "vp-silk-tie"})
		p, err := k.cat.Product(k.ctx, "vp-silk-tie")
		if err != nil {
			t.Fatal(err)
		}
		expired := k.t("product.expired", "Date", formatDate(p.ValidUntil, lang))
		valid := k.t("product.valid_until", "Date", formatDate(p.ValidUntil, lang))
		if !onScreen(k, expired) || onScreen(k, valid) {
			t.Errorf("%s: the expired certificate is not shown as expired", lang)
		}
	}
}

func TestGallerySwipesAndArrows(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}, {Width: 1366, Height: 768}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) { gallerySwipes(t, size) })
	}
}

func gallerySwipes(t *testing.T, size fyne.Size) {
	k, w, _ := newTestKiosk(t)
	w.Resize(size)
	k.Open(Route{Screen: ScreenProduct, ID: "bt-lotus-tea-set"})
	p, _ := k.cat.Product(k.ctx, "bt-lotus-tea-set")
	if len(p.Images) < 2 {
		t.Skip("the sample product has one photo")
	}
	swipe := firstOf[*swipeLayer](k)
	view := firstOf[*photoView](k)
	if view.hash != p.Images[0].Hash {
		t.Fatal("the gallery does not start on the first photo")
	}
	// Dragged on the window, as a finger does: the event goes to whatever
	// Draggable is on top there (the page's drag-scroll layer lies over the
	// photo), and must still turn the photo.
	c := fyne.CurrentApp().Driver().CanvasForObject(swipe)
	mid := fyne.CurrentApp().Driver().AbsolutePositionForObject(swipe).Add(fyne.NewPos(swipe.Size().Width/2, swipe.Size().Height/2))
	test.Drag(c, mid, -120, 5)
	if view.hash != p.Images[1].Hash {
		t.Error("swiping left did not show the next photo")
	}
	test.Drag(c, mid, 20, 0)
	if view.hash != p.Images[1].Hash {
		t.Error("a small movement changed the photo")
	}
	test.Drag(c, mid, 120, -5)
	if view.hash != p.Images[0].Hash {
		t.Error("swiping right did not go back")
	}
}

// The virtualised grids (villages, tours, products) scroll by dragging too.
func TestDragScrollsTheVillagesGrid(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenVillages})
	grid := firstOf[*widget.GridWrap](k)
	test.Drag(w.Canvas(), fyne.NewPos(900, 600), 0, -300)
	if grid.GetScrollOffset() < 200 || k.Current().Screen != ScreenVillages {
		t.Errorf("offset %v after a drag of 300, screen %v", grid.GetScrollOffset(), k.Current())
	}
}

// A photo missing from the media library, or a product with no link for a
// code, leaves its place empty: the screen still draws.
func TestMissingPhotosAndCodesStillDraw(t *testing.T) {
	f := newStaffKiosk(t)
	if err := os.RemoveAll(f.dbPath + ".media"); err != nil {
		t.Fatal(err)
	}
	for _, r := range []Route{{Screen: ScreenHome}, {Screen: ScreenProducts}, {Screen: ScreenProduct, ID: "bt-lotus-tea-set"},
		{Screen: ScreenVillage, ID: "bat-trang"}, {Screen: ScreenTours}} {
		f.k.ShowRoute(r)
		f.w.Canvas().Capture() // Fyne's software painter used to panic on an empty cover image
	}
	f.k.ShowRoute(Route{Screen: ScreenProduct, ID: "bt-lotus-tea-set"})
	f.k.shownEnv.qr.code.Image = nil
	f.k.shownEnv.qr.choices[0].err = errors.New("no link")
	f.k.shownEnv.qr.choose(0)
	f.w.Canvas().Capture()
}

// A virtualised grid sizes its cells from an empty card: the tour cards
// must keep their width then, or their texts run into each other.
func TestTourCardsKeepTheirWidthInTheGrid(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenTours})
	if n := firstOf[*widget.GridWrap](k).ColumnCount(); n != 2 {
		t.Errorf("the tours grid has %d columns at 1920 px, want 2", n)
	}
}
