package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestStaffExitCancelLeaveKeepsDrawing replays the sequence after which a
// real kiosk once stopped drawing while it still acted on taps (issue 11):
// staff mode, Exit kiosk, Cancel, Leave staff mode, then a visitor's taps.
// After every tap the window must look different, and the kiosk's
// watchdog, which would restart a kiosk whose window is not drawn while
// taps are acted on, must find nothing wrong. (The real window is driven
// through the same sequence by `make soak-window`.)
func TestStaffExitCancelLeaveKeepsDrawing(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	k.opt.OnExit = func(restart bool) { t.Fatalf("the kiosk was told to exit (restart %v)", restart) }
	watchedWindow(f.w, k)
	if err := f.st.SetPIN(context.Background(), "294681"); err != nil {
		t.Fatal(err)
	}
	last := f.w.Canvas().Capture()
	k.Watchdog().check(f.clock.Now(), runNow)
	step := func(what string, tap func()) {
		t.Helper()
		tap()
		now := f.w.Canvas().Capture()
		if sameImage(now, last) {
			t.Fatalf("the screen did not change after %s", what)
		}
		last = now
		if r := k.Watchdog().check(f.clock.Now(), runNow); r != "" {
			t.Fatalf("after %s the watchdog found: %s", what, r)
		}
	}
	step("the staff gesture", func() { f.tapTitle(5) })
	for _, d := range "294681" {
		step("PIN digit "+string(d), func() { test.Tap(button(t, k, string(d))) })
	}
	step("OK", func() { test.Tap(button(t, k, k.t("staff.ok"))) })
	if !k.StaffPanelOpen() {
		t.Fatal("the right PIN did not open staff mode")
	}
	step("Exit kiosk", func() { test.Tap(button(t, k, k.t("staff.exit"))) })
	step("Cancel", func() { test.Tap(button(t, k, k.t("staff.cancel"))) })
	step("Leave staff mode", func() { test.Tap(button(t, k, k.t("staff.leave"))) })
	if k.inStaffMode() {
		t.Fatal("still in staff mode after Leave")
	}
	step("Products", func() { test.Tap(card(t, k, k.t("home.products"))) })
	step("English", func() { test.Tap(button(t, k, "English")) })
	step("a product", func() { test.Tap(firstOf[*tapCard](k)) })
	step("Back", func() { test.Tap(button(t, k, k.t("nav.back"))) })
	step("Home", func() { test.Tap(button(t, k, k.t("nav.home"))) })
	step("Tiếng Việt", func() { test.Tap(button(t, k, "Tiếng Việt")) })
}
