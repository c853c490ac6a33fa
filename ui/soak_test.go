package ui

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/data/synth"
	"ocopkiosk/i18n"
)

// TestSoak is a long day in a few seconds: a scripted visitor taps, drags,
// types, switches language, opens QR codes and walks away, at random. The
// kiosk must not panic, must not leak goroutines, and its heap must stay
// flat between the middle and the end. `go test` runs 400 actions on the
// sample content; `make soak` runs 10,000 on the national catalogue
// (OCOP_SOAK_ACTIONS=10000 OCOP_SOAK_NATIONAL=1).
func TestSoak(t *testing.T) {
	actions := 400
	if n, err := strconv.Atoi(os.Getenv("OCOP_SOAK_ACTIONS")); err == nil && n > 0 {
		actions = n
	}
	st := soakStore(t)
	app := test.NewTempApp(t)
	app.Settings().SetTheme(Theme())
	clock := &fakeClock{now: time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)}
	k := New(st, i18n.MustLoad(), Options{Now: clock.Now, SyncPhotos: true, Animate: runAllFrames})
	w := test.NewTempWindow(t, k.Root())
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1920, 1080))

	page, err := st.ListProducts(context.Background(), data.ProductFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	villages, _ := st.Villages(context.Background())
	tours, _ := st.Tours(context.Background(), "")
	rng := rand.New(rand.NewPCG(42, uint64(actions)))
	var goroutinesMid int
	var heapMid uint64
	for i := 1; i <= actions; i++ {
		soakAction(t, k, w, clock, rng, page.Products, villages, tours)
		if i%200 == 0 {
			w.Canvas().Capture() // a painted frame, when Fyne cleans its caches
		}
		if i == actions/2 {
			goroutinesMid, heapMid = settledHeap(w)
		}
	}
	goroutinesEnd, heapEnd := settledHeap(w)
	if goroutinesEnd > goroutinesMid+2 {
		t.Errorf("goroutines grew from %d to %d", goroutinesMid, goroutinesEnd)
	}
	growth := float64(heapEnd)/float64(heapMid) - 1
	t.Logf("%d actions: heap %.1f MB at the middle, %.1f MB at the end (%+.1f %%), goroutines %d → %d",
		actions, float64(heapMid)/(1<<20), float64(heapEnd)/(1<<20), 100*growth, goroutinesMid, goroutinesEnd)
	if growth > 0.10 {
		t.Errorf("heap grew %.1f %% between the middle and the end", 100*growth)
	}
}

// soakAction does one random thing a visitor (or the clock) might do.
func soakAction(t *testing.T, k *Kiosk, w fyne.Window, clock *fakeClock, rng *rand.Rand,
	products []data.Product, villages []data.Village, tours []data.Tour) {
	clock.advance(time.Duration(1+rng.IntN(8)) * time.Second)
	switch rng.IntN(12) {
	case 0:
		k.Open(Route{Screen: ScreenProduct, ID: products[rng.IntN(len(products))].ID})
	case 1:
		k.Open(Route{Screen: ScreenVillage, ID: villages[rng.IntN(len(villages))].ID})
	case 2:
		k.Open(Route{Screen: ScreenTour, ID: tours[rng.IntN(len(tours))].ID})
	case 3:
		k.Open(Route{Screen: []string{ScreenProducts, ScreenVillages, ScreenTours}[rng.IntN(3)]})
	case 4: // a drag somewhere on the screen
		test.Drag(w.Canvas(), fyne.NewPos(float32(200+rng.IntN(1500)), float32(200+rng.IntN(700))),
			float32(rng.IntN(200)-100), float32(rng.IntN(900)-450))
	case 5: // a tap somewhere on the screen
		test.TapCanvas(w.Canvas(), fyne.NewPos(float32(rng.IntN(1920)), float32(rng.IntN(1080))))
	case 6:
		k.SetLanguage(data.Languages[rng.IntN(len(data.Languages))])
	case 7: // typing a search on the on-screen keyboard
		k.Open(Route{Screen: ScreenSearch})
		for _, r := range []string{"bat", "lua", "gom s", "xq", "ha"}[rng.IntN(5)] {
			if b := buttonsIn(k.Root(), string(r)); len(b) > 0 {
				test.Tap(b[0])
			}
		}
	case 8:
		k.Back()
	case 9:
		k.Home()
	case 10: // the visitor walks away: warning, reset, attract loop
		clock.advance(k.opt.IdleTimeout + time.Second)
		k.CheckIdle()
		clock.advance(k.opt.IdleCountdown + time.Second)
		k.CheckIdle()
		clock.advance(k.opt.AttractInterval)
		k.CheckIdle()
	case 11: // a product page's other QR code, if it has one
		k.Open(Route{Screen: ScreenProduct, ID: products[rng.IntN(len(products))].ID})
		if k.shownEnv.qr != nil && len(k.shownEnv.qr.tabs) > 1 {
			test.Tap(k.shownEnv.qr.tabs[1])
		}
	}
	k.CheckIdle()
}

// settledHeap waits as a kiosk does between visitors, long enough for
// Fyne to drop the renderers of screens gone (it cleans at most every 10 s,
// when it paints), then reads the heap.
func settledHeap(w fyne.Window) (goroutines int, heap uint64) {
	time.Sleep(10500 * time.Millisecond)
	w.Canvas().Capture()
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return runtime.NumGoroutine(), ms.HeapAlloc
}

// soakStore is the sample content, or with OCOP_SOAK_NATIONAL the national
// synthetic catalogue (without photos, which the sample covers).
func soakStore(t *testing.T) *data.Store {
	t.Helper()
	if os.Getenv("OCOP_SOAK_NATIONAL") == "" {
		st, err := data.Open(sampleDB)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	p, err := synth.Generate(synth.Presets["national"])
	if err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(filepath.Join(t.TempDir(), "national.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.ReplaceCatalogue(context.Background(), p.Catalogue); err != nil {
		t.Fatal(err)
	}
	return st
}
