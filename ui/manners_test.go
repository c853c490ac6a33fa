package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestTapThatStopsAGlideOpensNothing flings the products grid and taps a
// tile while it still glides: the tap stops the grid and opens nothing;
// the next tap opens the tile.
func TestTapThatStopsAGlideOpensNothing(t *testing.T) {
	k, _, _ := newTestKiosk(t)
	var frames []func() bool
	k.opt.Animate = func(f func() bool) { frames = append(frames, f) } // frames wait: the grid is mid-glide
	k.Open(Route{Screen: ScreenProducts})
	layer := mainDragLayer(t, k)
	for range 5 { // a fast flick (no pause: a loaded machine's sleeps would stop it)
		layer.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -40}})
		time.Sleep(time.Millisecond)
	}
	layer.DragEnd()
	if len(frames) == 0 || !frames[0]() {
		t.Fatal("the fling did not start gliding")
	}
	tile := firstTile(t, k, fyne.NewSize(1920, 1080))
	test.Tap(tile.(*tapCard))
	if k.Current().Screen != ScreenProducts {
		t.Fatalf("the tap that stopped the glide opened %v", k.Current())
	}
	if frames[0]() {
		t.Error("the glide went on after the tap")
	}
	test.Tap(tile.(*tapCard))
	if k.Current().Screen != ScreenProduct {
		t.Errorf("a tap on a still grid opened %v", k.Current())
	}
}

// TestBackReturnsToTheGridAsLeft scrolls and filters the products grid,
// opens a product, and comes Back: the same filter and the same place.
func TestBackReturnsToTheGridAsLeft(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	k.Open(Route{Screen: ScreenProducts})
	test.Tap(button(t, k, "4 ★"))
	test.Drag(w.Canvas(), fyne.NewPos(1200, 700), 0, -300)
	before := k.shownEnv.mainScroll.scrollOffset()
	if before < 100 {
		t.Fatalf("the grid scrolled only to %v", before)
	}
	filters := productsPanel(t, k)
	filters.ScrollToOffset(250)
	filtersBefore := filters.GetScrollOffset()
	if filtersBefore < 100 {
		t.Fatalf("the filter list scrolled only to %v", filtersBefore)
	}
	test.Tap(firstTile(t, k, fyne.NewSize(1920, 1080)).(*tapCard))
	if k.Current().Screen != ScreenProduct {
		t.Fatalf("the tile opened %v", k.Current())
	}
	k.Back()
	if k.session.filter.Stars != 4 || !button(t, k, "4 ★").selected {
		t.Error("Back lost the filter")
	}
	if after := k.shownEnv.mainScroll.scrollOffset(); after != before {
		t.Errorf("Back returned to offset %v, the visitor left it at %v", after, before)
	}
	if after := productsPanel(t, k).GetScrollOffset(); after != filtersBefore {
		t.Errorf("Back returned the filter list to offset %v, the visitor left it at %v", after, filtersBefore)
	}
}

// productsPanel is the filter list of the products screen on show.
func productsPanel(t *testing.T, k *Kiosk) *widget.List {
	t.Helper()
	var list *widget.List
	walk(k.Root(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && list == nil {
			list = l
		}
	})
	if list == nil {
		t.Fatal("no filter list")
	}
	return list
}

// mainDragLayer is the drag layer over the screen's main scroll.
func mainDragLayer(t *testing.T, k *Kiosk) *dragLayer {
	t.Helper()
	var layer *dragLayer
	walk(k.Root(), func(o fyne.CanvasObject) {
		if d, ok := o.(*dragLayer); ok && layer == nil && d.target == k.shownEnv.mainScroll {
			layer = d
		}
	})
	if layer == nil {
		t.Fatal("no drag layer over the main scroll")
	}
	return layer
}
