package ui

import (
	"bytes"
	"context"
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// runNow stands for fyne.Do in tests: the test is the UI goroutine.
func runNow(f func()) { f() }

// never stands for fyne.Do on a UI goroutine that is stuck.
func never(func()) {}

// sameImage reports whether two captures have the same pixels.
func sameImage(a, b image.Image) bool {
	ra, ok1 := a.(*image.NRGBA)
	rb, ok2 := b.(*image.NRGBA)
	if ok1 && ok2 {
		return ra.Rect == rb.Rect && bytes.Equal(ra.Pix, rb.Pix)
	}
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// watchedWindow puts the kiosk and its watchdog's probe in the test window,
// as the kiosk's main does.
func watchedWindow(w fyne.Window, k *Kiosk) {
	w.SetContent(k.WindowContent())
}

func TestWatchdogNoticesAWindowNotDrawnWhileTouchesAreActedOn(t *testing.T) {
	k, w, clock := newTestKiosk(t)
	watchedWindow(w, k)
	wd := k.Watchdog()
	if r := wd.check(clock.Now(), runNow); r != "" {
		t.Fatalf("first check: %s", r)
	}
	w.Canvas().Capture() // the driver paints: the probe is drawn
	clock.advance(6 * time.Second)
	k.Touch()
	k.Touch()
	if r := wd.check(clock.Now(), runNow); r != "" {
		t.Fatalf("a drawn window was called stalled: %s", r)
	}
	w.Canvas().Capture() // drawn again: the count starts here
	// No paint from here on, while a visitor keeps tapping.
	clock.advance(25 * time.Second)
	test.Tap(card(t, k, k.t("home.products")))
	test.Tap(button(t, k, "English"))
	if r := wd.check(clock.Now(), runNow); r != "" {
		t.Fatalf("stalled after 25 s, under the 30 s limit: %s", r)
	}
	clock.advance(6 * time.Second)
	r := wd.check(clock.Now(), runNow)
	if !strings.Contains(r, "not been drawn for 31 s while 2 touches") {
		t.Fatalf("the watchdog said %q, want the window not drawn for 31 s while 2 touches were acted on", r)
	}
	if again := wd.check(clock.Now(), runNow); again != "" {
		t.Errorf("the watchdog fired twice: %q", again)
	}
}

func TestWatchdogLeavesAQuietUndrawnWindowAlone(t *testing.T) {
	k, w, clock := newTestKiosk(t)
	watchedWindow(w, k)
	wd := k.Watchdog()
	wd.check(clock.Now(), runNow)
	// A hidden window (a staff member's desktop session, say) is not drawn,
	// but nobody touches it either.
	for range 70 {
		clock.advance(time.Second)
		if r := wd.check(clock.Now(), runNow); r != "" {
			t.Fatalf("an untouched window was called stalled: %s", r)
		}
	}
}

func TestWatchdogNoticesASilentUIGoroutine(t *testing.T) {
	k, w, clock := newTestKiosk(t)
	watchedWindow(w, k)
	wd := k.Watchdog()
	wd.check(clock.Now(), never)
	for i := 1; i <= 50; i++ {
		clock.advance(time.Second)
		r := wd.check(clock.Now(), never)
		if i < 45 && r != "" {
			t.Fatalf("after %d s: %s", i, r)
		}
		if i == 45 {
			if !strings.Contains(r, "UI goroutine has not run for 45 s") {
				t.Fatalf("after 45 s the watchdog said %q", r)
			}
			return
		}
	}
}

func TestWatchdogRunReportsFromItsOwnGoroutine(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	wd := newWatchdog(time.Now)
	_ = k
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // ended at once: Run must return without reporting
	reported := make(chan string, 1)
	wd.Run(ctx, func(r string) { reported <- r })
	select {
	case r := <-reported:
		t.Fatalf("reported %q after its context ended", r)
	case <-time.After(1500 * time.Millisecond):
	}
}
