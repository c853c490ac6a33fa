package ui

import (
	"image/color"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne's desktop driver scrolls only with a mouse wheel: a finger dragging a
// list on a touch screen (which arrives as a mouse drag) does nothing
// (fyne-io/fyne#5755). dragScroll lays a transparent layer over a scrolling
// widget that turns drags into scrolling, with momentum after the finger
// lifts, as a phone does. The layer is Draggable but not Tappable, so taps
// still reach the tiles beneath it; and the driver never turns a drag into a
// tap.

// offsetScroller is anything that scrolls vertically by an offset.
type offsetScroller interface {
	scrollOffset() float32
	scrollTo(offset float32)
}

type scrollAdapter struct{ s *container.Scroll }

func (a scrollAdapter) scrollOffset() float32 { return a.s.Offset.Y }
func (a scrollAdapter) scrollTo(y float32) {
	a.s.ScrollToOffset(fyne.NewPos(a.s.Offset.X, clampScroll(y, a.s.Content.MinSize().Height-a.s.Size().Height)))
}

type gridAdapter struct{ g *widget.GridWrap }

func (a gridAdapter) scrollOffset() float32 { return a.g.GetScrollOffset() }
func (a gridAdapter) scrollTo(y float32)    { a.g.ScrollToOffset(max(0, y)) }

type listAdapter struct{ l *widget.List }

func (a listAdapter) scrollOffset() float32 { return a.l.GetScrollOffset() }
func (a listAdapter) scrollTo(y float32)    { a.l.ScrollToOffset(max(0, y)) }

func clampScroll(y, limit float32) float32 {
	return max(0, min(y, max(0, limit)))
}

// Momentum: the finger's speed decays by this factor every 16 ms frame
// (about 0.05 s half-life), and stops below minFlingSpeed px/s.
const (
	frictionPerFrame = 0.92
	frameInterval    = 16 * time.Millisecond
	minFlingSpeed    = 60
	maxFlingSpeed    = 6000
)

// dragLayer is the transparent layer that turns drags into scrolling.
type dragLayer struct {
	widget.BaseWidget
	target     offsetScroller
	onActivity func()
	animate    func(frame func() bool)
	motion     *motion // told while the content glides
	// sidewaysAt finds a sideways-swiped object (a gallery's photo) under
	// a point of the window, or nil. The layer lies over everything it
	// scrolls, so without it a swipe on a photo would only scroll the page.
	sidewaysAt func(abs fyne.Position) fyne.Draggable
	// sideways is where this drag goes, once its first movement is more
	// sideways than up or down over such an object; decided says the
	// first movement has been seen.
	sideways fyne.Draggable
	decided  bool

	mu       sync.Mutex
	speed    float32 // px/s, positive when content moves up (finger moves up)
	lastDrag time.Time
	fling    chan struct{} // closed to stop a running fling
}

func newDragLayer(target offsetScroller, onActivity func(), animate func(frame func() bool)) *dragLayer {
	d := &dragLayer{target: target, onActivity: onActivity, animate: animate}
	d.ExtendBaseWidget(d)
	return d
}

// Dragged scrolls by the finger's movement and tracks its speed, or hands
// a sideways drag on a photo to the photo.
func (d *dragLayer) Dragged(e *fyne.DragEvent) {
	if !d.decided {
		d.decided = true
		if d.sidewaysAt != nil && abs32(e.Dragged.DX) > abs32(e.Dragged.DY) {
			// From the layer's own position: not every driver fills in
			// the event's AbsolutePosition (Fyne's test driver does not).
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(d).Add(e.Position)
			d.sideways = d.sidewaysAt(at)
		}
	}
	if d.sideways != nil {
		d.sideways.Dragged(e)
		return
	}
	d.stopFling()
	if d.onActivity != nil {
		d.onActivity()
	}
	d.target.scrollTo(d.target.scrollOffset() - e.Dragged.DY)
	now := time.Now()
	d.mu.Lock()
	if dt := now.Sub(d.lastDrag).Seconds(); dt > 0 && dt < 0.1 {
		// Smooth over the last few events: touch events are jittery.
		instant := float32(-float64(e.Dragged.DY) / dt)
		d.speed = 0.6*instant + 0.4*d.speed
	} else {
		d.speed = 0
	}
	d.lastDrag = now
	d.mu.Unlock()
}

// DragEnd lets the content glide on and slow down.
func (d *dragLayer) DragEnd() {
	d.decided = false
	if s := d.sideways; s != nil {
		d.sideways = nil
		s.DragEnd()
		return
	}
	d.mu.Lock()
	speed := max(-maxFlingSpeed, min(maxFlingSpeed, d.speed))
	if time.Since(d.lastDrag) > 80*time.Millisecond {
		speed = 0 // the finger stopped before lifting
	}
	d.speed = 0
	if math.Abs(float64(speed)) < minFlingSpeed {
		d.mu.Unlock()
		return
	}
	stop := make(chan struct{})
	d.fling = stop
	d.mu.Unlock()
	d.motion.started(d)
	d.animate(d.glide(speed, stop))
}

// glide returns the frames of a fling: each moves the content on at a
// decaying speed, until it is slow, hits an end, or a new drag begins.
func (d *dragLayer) glide(speed float32, stop chan struct{}) func() bool {
	return func() bool {
		select {
		case <-stop:
			return false
		default:
		}
		if math.Abs(float64(speed)) < minFlingSpeed {
			d.motion.ended(d)
			return false
		}
		before := d.target.scrollOffset()
		d.target.scrollTo(before + speed*float32(frameInterval.Seconds()))
		speed *= frictionPerFrame
		if d.target.scrollOffset() == before {
			d.motion.ended(d)
			return false
		}
		return true
	}
}

// animateFrames runs frames every 16 ms on the UI goroutine until one says
// it is the last: the kiosk's animation clock.
func animateFrames(frame func() bool) {
	go func() {
		tick := time.NewTicker(frameInterval)
		defer tick.Stop()
		for range tick.C {
			more := false
			fyne.DoAndWait(func() { more = frame() })
			if !more {
				return
			}
		}
	}()
}

func (d *dragLayer) stopFling() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.fling != nil {
		close(d.fling)
		d.fling = nil
	}
}

func (d *dragLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// touchScroll wraps content in a vertical scroll that a finger can drag.
// The first one a screen makes is its main scroll, whose position Back and
// a language switch come back to.
func (e *env) touchScroll(content fyne.CanvasObject) *container.Scroll {
	s := container.NewVScroll(content)
	if e.mainScroll == nil {
		e.mainScroll = scrollAdapter{s}
	}
	return s
}

// withDrag stacks a drag layer over a scrolling widget.
func (e *env) withDrag(scroller fyne.CanvasObject, target offsetScroller) fyne.CanvasObject {
	return withDrag(scroller, target, e.touch, e.animate, e.motion, e.swipeAt)
}

// swipeAt is the screen's swipe layer under a point of the window, or nil.
func (e *env) swipeAt(abs fyne.Position) fyne.Draggable {
	drv := fyne.CurrentApp().Driver()
	// Newest first: a screen rebuilt for a new window shape keeps the
	// layers of its earlier layout in the list, no longer on the canvas.
	for i := len(e.swipes) - 1; i >= 0; i-- {
		s := e.swipes[i]
		if !s.Visible() || drv.CanvasForObject(s) == nil {
			continue
		}
		at := drv.AbsolutePositionForObject(s)
		size := s.Size()
		if abs.X >= at.X && abs.X < at.X+size.Width && abs.Y >= at.Y && abs.Y < at.Y+size.Height {
			return s
		}
	}
	return nil
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// dragScroll is content in a vertical scroll with drag-to-scroll on top.
func (e *env) dragScroll(content fyne.CanvasObject) fyne.CanvasObject {
	s := e.touchScroll(content)
	return e.withDrag(s, scrollAdapter{s})
}

// withDrag stacks a drag layer over scroller; sidewaysAt, when not nil,
// finds what takes a sideways drag instead (see dragLayer.sidewaysAt).
func withDrag(scroller fyne.CanvasObject, target offsetScroller, onActivity func(), animate func(func() bool), m *motion,
	sidewaysAt func(abs fyne.Position) fyne.Draggable) fyne.CanvasObject {
	d := newDragLayer(target, onActivity, animate)
	d.motion, d.sidewaysAt = m, sidewaysAt
	return container.NewStack(scroller, d)
}

// motion knows whether a list is gliding after a fling, so that the tap
// that stops it opens nothing.
type motion struct {
	mu     sync.Mutex
	moving *dragLayer
}

func (m *motion) started(d *dragLayer) {
	if m == nil {
		return
	}
	m.mu.Lock()
	m.moving = d
	m.mu.Unlock()
}

func (m *motion) ended(d *dragLayer) {
	if m == nil {
		return
	}
	m.mu.Lock()
	if m.moving == d {
		m.moving = nil
	}
	m.mu.Unlock()
}

// stop stops a gliding list and reports whether one was gliding.
func (m *motion) stop() bool {
	if m == nil {
		return false
	}
	m.mu.Lock()
	d := m.moving
	m.moving = nil
	m.mu.Unlock()
	if d == nil {
		return false
	}
	d.stopFling()
	return true
}
