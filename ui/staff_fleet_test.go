package ui

import (
	"context"
	"errors"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/fleet"
	"ocopkiosk/lang"
)

// fakeFleet is a fleet sync with a fixed state, recording roll backs.
type fakeFleet struct {
	view      fleet.View
	rolled    []string
	rollError error
}

func (f *fakeFleet) View() fleet.View { return f.view }

func (f *fakeFleet) RollBack(_ context.Context, who string) error {
	if f.rollError != nil {
		return f.rollError
	}
	f.rolled = append(f.rolled, who)
	return nil
}

func syncedView() fleet.View {
	at := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	return fleet.View{Joined: true, KioskID: "bt-1", Hub: "/srv/ocop-hub", Centre: "bat-trang",
		LastCheck: at, LastResult: "up to date; 1 pack(s) refused",
		Current:  &fleet.Kept{PackID: "hanoi-2026-12", Version: 8, Title: "Tháng 12", AppliedAt: at},
		Previous: &fleet.Kept{PackID: "hanoi-2026-11", Version: 7, Title: "Tháng 11", AppliedAt: at.Add(-30 * 24 * time.Hour)},
		Refused: []fleet.Refusal{{Folder: "hanoi-2026-13-v9", PackID: "hanoi-2026-13", Version: 9, Reason: fleet.ReasonUnknownKey,
			Message: "pack hanoi-2026-13 v9: signature by an unknown key RWQf6LRCGA9i… (key id 0123456789ABCDEF); this kiosk does not trust that key"}},
		CanRollBack: true}
}

func TestStaffFleetTabShowsSyncStateAndRollsBack(t *testing.T) {
	var rolling <-chan struct{}
	rollBackStarted = func(done <-chan struct{}) { rolling = done }
	t.Cleanup(func() { rollBackStarted = nil })
	f := newStaffKiosk(t)
	sync := &fakeFleet{view: syncedView()}
	f.k.opt.Fleet = sync
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_fleet")))
	for _, want := range []string{
		k.st("fleet.where", "Kiosk", "bt-1", "Centre", "bat-trang", "Hub", "/srv/ocop-hub"),
		k.st("fleet.reason.unknown-key", "Pack", "hanoi-2026-13 v9"), // in the staff's words
		"signature by an unknown key RWQf6LRCGA9i…",                  // and the exact reason
		"hanoi-2026-12 v8 — Tháng 12",
	} {
		if !onScreen(k, want) {
			t.Errorf("the Fleet tab does not show %q:\n%q", want, texts(k))
		}
	}
	test.Tap(button(t, k, k.st("fleet.rollback")))
	if !onScreen(k, k.st("fleet.rollback_confirm", "Pack", "hanoi-2026-11 v7")) {
		t.Fatalf("no confirmation before rolling back: %q", texts(k))
	}
	if len(sync.rolled) != 0 {
		t.Fatal("rolled back before staff confirmed")
	}
	buttons := buttonsIn(k.staff.panel.body, k.st("fleet.rollback"))
	test.Tap(buttons[len(buttons)-1]) // the sheet's button, over the tab's
	<-rolling
	if len(sync.rolled) != 1 {
		t.Fatalf("roll back not asked for: %v", sync.rolled)
	}
	if !onScreen(k, k.st("fleet.rollback_done", "Pack", "hanoi-2026-11 v7")) {
		t.Errorf("no word of the roll back: %q", texts(k))
	}

	sync.rollError = errors.New("the kept copy is missing")
	test.Tap(button(t, k, k.st("fleet.rollback")))
	buttons = buttonsIn(k.staff.panel.body, k.st("fleet.rollback"))
	test.Tap(buttons[len(buttons)-1])
	<-rolling
	if !onScreen(k, k.st("fleet.rollback_failed", "Error", "the kept copy is missing")) {
		t.Errorf("a failed roll back is not explained: %q", texts(k))
	}
}

func TestStaffFleetTabOnlyOnAFleetKiosk(t *testing.T) {
	f := newStaffKiosk(t)
	f.unlock(t)
	if len(buttonsIn(f.k.staff.panel.obj, f.k.st("staff.tab_fleet"))) != 0 {
		t.Error("a kiosk without a fleet shows the Fleet tab")
	}
}

func TestVisitorAwayOnlyWhenNobodyIsThere(t *testing.T) {
	f := newStaffKiosk(t)
	k := f.k
	k.Touch()
	if k.VisitorAway() {
		t.Error("away right after a touch")
	}
	f.clock.advance(11 * time.Second)
	if !k.VisitorAway() {
		t.Error("not away at rest after 11 s untouched")
	}
	k.Open(Route{Screen: ScreenProducts})
	f.clock.advance(30 * time.Second)
	if k.VisitorAway() {
		t.Error("away while a visitor browses products")
	}
	f.unlock(t)
	f.clock.advance(time.Hour)
	if k.VisitorAway() {
		t.Error("away while staff mode is open")
	}
}

// TestStaffFleetTabPicture writes the Fleet tab as PNGs (Vietnamese and
// Japanese, three screen sizes) to $OCOP_SHOT_DIR, for people to look at,
// and the one docs/fleet.md shows to $OCOP_DOCS_DIR (`make screenshots`);
// skipped without either.
func TestStaffFleetTabPicture(t *testing.T) {
	if docs := os.Getenv("OCOP_DOCS_DIR"); docs != "" {
		f := newStaffKiosk(t)
		f.k.opt.Fleet = &fakeFleet{view: syncedView()}
		f.unlock(t)
		test.Tap(button(t, f.k, f.k.st("staff.tab_fleet")))
		out, _ := os.Create(filepath.Join(docs, "staff-fleet.png"))
		png.Encode(out, f.w.Canvas().Capture())
		out.Close()
	}
	dir := os.Getenv("OCOP_SHOT_DIR")
	if dir == "" {
		t.Skip("set OCOP_SHOT_DIR to write the pictures")
	}
	for _, l := range []data.Lang{data.VI, data.JA} {
		f := newStaffKiosk(t)
		f.k.opt.Fleet = &fakeFleet{view: syncedView()}
		f.k.SetLanguage(l)
		f.unlock(t)
		test.Tap(button(t, f.k, f.k.st("staff.tab_fleet")))
		for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}, {Width: 1366, Height: 768}} {
			f.w.Resize(size)
			img := f.w.Canvas().Capture()
			out, _ := os.Create(filepath.Join(dir, fmt.Sprintf("staff-fleet-%s-%.0fx%.0f.png", l, size.Width, size.Height)))
			png.Encode(out, img)
			out.Close()
		}
	}
}

// What a pack on its way waits for, and a problem with the hub, are said in
// the staff language (the default, Vietnamese), the folder's name kept.
func TestStaffFleetTabSaysWaitingAndProblemsInTheStaffLanguage(t *testing.T) {
	f := newStaffKiosk(t)
	v := syncedView()
	v.Waiting = lang.Phrasef("folder %s: %s", "hanoi-2026-12-v9", lang.Phrasef("%d of %d files still to come (%s)", 3, 120, "photos/bt-01.jpg"))
	v.LastError = lang.Phrasef("could not write to the hub: %v", lang.Phrasef("the hub folder %s cannot be read: permission denied", "/srv/ocop-hub"))
	f.k.opt.Fleet = &fakeFleet{view: v}
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_fleet")))
	for _, want := range []string{
		k.st("fleet.waiting", "What", "thư mục hanoi-2026-12-v9: còn chờ 3 trên 120 tệp (photos/bt-01.jpg)"),
		k.st("fleet.problem", "Error", "không ghi được vào thư mục hub: không đọc được thư mục hub /srv/ocop-hub: không có quyền"),
	} {
		if !onScreen(k, want) {
			t.Errorf("the Fleet tab does not show %q:\n%q", want, texts(k))
		}
	}
}

// The Fleet tab follows the sync while it is open (a refusal that arrives
// shows within the idle timer's second, without switching tabs), and a long
// problem (a hub's path and what to check) wraps inside a small screen.
func TestStaffFleetTabFollowsTheSyncAndWrapsAProblem(t *testing.T) {
	f := newStaffKiosk(t)
	sync := &fakeFleet{view: syncedView()}
	sync.view.Refused = nil
	f.k.opt.Fleet = sync
	f.w.Resize(fyne.NewSize(1366, 768))
	f.unlock(t)
	k := f.k
	test.Tap(button(t, k, k.st("staff.tab_fleet")))
	if !onScreen(k, k.st("fleet.refused_none")) {
		t.Fatalf("no 'nothing refused' line: %q", texts(k))
	}
	sync.view = syncedView()
	sync.view.LastError = lang.Phrasef("the hub folder %s is missing (is the USB stick or share plugged in, is Syncthing running?)",
		"/media/kiosk/ocop-hub-for-the-centre-of-bat-trang-ceramics-village/a-long-folder-name")
	f.clock.advance(time.Second)
	k.CheckIdle()
	if !onScreen(k, k.st("fleet.reason.unknown-key", "Pack", "hanoi-2026-13 v9")) {
		t.Errorf("the refusal that came is not shown until the tab is opened again: %q", texts(k))
	}
	var problem *widget.Label
	walk(k.Root(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "ocop-hub-for-the-centre") {
			problem = l
		}
	})
	if problem == nil {
		t.Fatalf("the hub problem is not shown: %q", texts(k))
	}
	if pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(problem); pos.X+problem.Size().Width > 1366 || problem.MinSize().Width > 1366 {
		t.Errorf("the problem line runs off the screen: at %v, %v wide", pos, problem.Size())
	}
}
