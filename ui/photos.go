package ui

import (
	"container/list"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// photoCacheBytes bounds the decoded photos kept in memory. Photos are kept
// as RGBA at the size they are drawn (a product tile's 0.3 MB, a product's
// main photo about 2 MB), so this holds about two screens' worth while keeping a
// long day's memory flat.
const photoCacheBytes = 16 << 20

// decodeBudget bounds the memory of the photos being decoded at once: a
// JPEG's pixels, then their RGBA copy while it is scaled to its drawn size.
// A decode waits for room; a photo that could never fit is not decoded.
const decodeBudget = 64 << 20

// photoLoader decodes photos off the UI goroutine, scales them to the size
// they are drawn at, and keeps the most recently used ones. canvas.Image
// decodes a file on the calling goroutine and again on every refresh, and
// uploads a texture the size of the decoded image whatever size it is drawn
// at (a 1600×1200 display copy is 7.7 MB as a texture even in a 480 px
// cover): this decodes once and hands Fyne an image no larger than drawn.
type photoLoader struct {
	lib  media.Library
	sync bool // decode on the caller's goroutine (tests and screenshots)

	views []*photoView // the views on the current screen, released when it goes

	mu    sync.Mutex
	lru   *list.List // of *cachedPhoto, most recent first
	byKey map[string]*list.Element
	bytes int

	budget *byteBudget // bounds the bytes being decoded at once
}

type cachedPhoto struct {
	key   string
	img   image.Image
	bytes int
}

func newPhotoLoader(lib media.Library, synchronous bool) *photoLoader {
	return &photoLoader{lib: lib, sync: synchronous, lru: list.New(), byKey: map[string]*list.Element{},
		budget: newByteBudget(decodeBudget)}
}

func (p *photoLoader) cached(key string) image.Image {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e, ok := p.byKey[key]; ok {
		p.lru.MoveToFront(e)
		return e.Value.(*cachedPhoto).img
	}
	return nil
}

func (p *photoLoader) store(key string, img image.Image) {
	size := imageBytes(img)
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.byKey[key]; ok {
		return
	}
	p.byKey[key] = p.lru.PushFront(&cachedPhoto{key: key, img: img, bytes: size})
	p.bytes += size
	for p.bytes > photoCacheBytes && p.lru.Len() > 1 {
		last := p.lru.Back()
		c := last.Value.(*cachedPhoto)
		p.lru.Remove(last)
		delete(p.byKey, c.key)
		p.bytes -= c.bytes
	}
}

// imageBytes is what a decoded image holds in memory.
func imageBytes(img image.Image) int {
	b := img.Bounds()
	if _, ok := img.(*image.RGBA); ok {
		return b.Dx() * b.Dy() * 4
	}
	return b.Dx() * b.Dy() * 2 // YCbCr 4:2:0 is 1.5 bytes a pixel; round up
}

// photoRequest is one photo at one drawn size.
type photoRequest struct {
	hash    string
	variant media.Variant
	px      image.Point // the drawn size in pixels; zero: as stored
	fill    canvas.ImageFill
}

func (r photoRequest) key() string {
	return fmt.Sprintf("%s.%s.%dx%d.%d", r.hash, r.variant, r.px.X, r.px.Y, r.fill)
}

// decode reads one stored photo variant and scales it down to its drawn
// size; nil when it cannot be read (the view then keeps its plain
// background rather than failing).
func (p *photoLoader) decode(r photoRequest) image.Image {
	f, err := os.Open(p.lib.Path(r.hash, r.variant))
	if err != nil {
		return nil
	}
	defer f.Close()
	cfg, err := jpeg.DecodeConfig(f)
	if err != nil {
		fyne.LogError("read photo "+r.hash, err)
		return nil
	}
	// Decoded YCbCr (1.5 bytes a pixel, rounded up) and the RGBA copy that
	// scaling makes (4 bytes a pixel) exist at the same time.
	need := cfg.Width * cfg.Height * 6
	if !p.budget.acquire(need) {
		fyne.LogError("decode photo "+r.hash, fmt.Errorf("%d×%d pixels need %d MB to decode, over the %d MB budget",
			cfg.Width, cfg.Height, need>>20, decodeBudget>>20))
		return nil
	}
	defer p.budget.release(need)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	img, err := jpeg.Decode(f)
	if err != nil {
		fyne.LogError("decode photo "+r.hash, err)
		return nil
	}
	return fitDrawn(img, r.px, r.fill)
}

// fitDrawn scales img down to the fewest pixels that still fill px as fill
// draws it: a cover crops, so it needs both sides at least px's; a contained
// photo needs only to fit. A photo already about that size keeps its size.
// Either way the result is RGBA, which the renderer uploads as it is (from
// JPEG's YCbCr it would convert a full copy on the UI goroutine at every
// upload).
func fitDrawn(img image.Image, px image.Point, fill canvas.ImageFill) *image.RGBA {
	b := img.Bounds()
	if px.X <= 0 || px.Y <= 0 || b.Dx() <= 0 || b.Dy() <= 0 {
		return media.RGBA(img)
	}
	sx, sy := float64(px.X)/float64(b.Dx()), float64(px.Y)/float64(b.Dy())
	scale := max(sx, sy)
	if fill == canvas.ImageFillContain {
		scale = min(sx, sy)
	}
	if scale > 0.85 { // less than 15 % to gain: not worth a resampling
		return media.RGBA(img)
	}
	w, h := max(1, int(float64(b.Dx())*scale+0.5)), max(1, int(float64(b.Dy())*scale+0.5))
	return media.Shrink(img, w, h)
}

// load gets a photo and hands it to done on the UI goroutine.
func (p *photoLoader) load(r photoRequest, done func(image.Image)) {
	key := r.key()
	if img := p.cached(key); img != nil {
		done(img)
		return
	}
	if p.sync {
		if img := p.decode(r); img != nil {
			p.store(key, img)
			done(img)
		}
		return
	}
	go func() {
		img := p.decode(r)
		if img == nil {
			return
		}
		p.store(key, img)
		fyne.Do(func() { done(img) })
	}()
}

// byteBudget is a counting semaphore of bytes.
type byteBudget struct {
	mu    sync.Mutex
	freed *sync.Cond
	left  int
	total int
}

func newByteBudget(total int) *byteBudget {
	b := &byteBudget{left: total, total: total}
	b.freed = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free and takes them; false if n is more
// than the whole budget, which no wait would give.
func (b *byteBudget) acquire(n int) bool {
	if n > b.total {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.left < n {
		b.freed.Wait()
	}
	b.left -= n
	return true
}

func (b *byteBudget) release(n int) {
	b.mu.Lock()
	b.left += n
	b.mu.Unlock()
	b.freed.Broadcast()
}

// photoView shows one photo, cropped to fill its area, over a soft
// background while it loads. It can be pointed at another photo when a
// virtualised grid reuses it.
type photoView struct {
	widget.BaseWidget
	loader  *photoLoader
	variant media.Variant
	hash    string
	px      image.Point // the drawn size the photo was asked for, in pixels
	min     fyne.Size
	bg      *canvas.Rectangle
	img     *canvas.Image
	next    data.Image // to prefetch once the view has a drawn size
}

func newPhotoView(loader *photoLoader, variant media.Variant, min fyne.Size) *photoView {
	v := &photoView{loader: loader, variant: variant, min: min}
	v.bg = canvas.NewRectangle(color.NRGBA{R: 0xee, G: 0xe6, B: 0xda, A: 0xff})
	v.bg.CornerRadius = 10
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillCover
	// The loader has already scaled the photo to its drawn size, well, off
	// the UI goroutine. Fyne's default (Smooth) scales it again on the UI
	// goroutine at every upload to the object's exact size, ignoring its
	// aspect: for a full-screen photo a 58 MB float buffer, two 7 MB
	// copies and about 100 ms of the frame. Fastest uploads the RGBA as it
	// is and lets the GPU filter the last few per cent.
	v.img.ScaleMode = canvas.ImageScaleFastest
	v.img.CornerRadius = 10
	v.img.Hide() // until it has a photo: Fyne's software painter cannot draw an empty cover image
	v.ExtendBaseWidget(v)
	loader.views = append(loader.views, v)
	return v
}

// releaseViews lets go of the photos shown by the views made so far: the
// screen they were on has gone. Fyne keeps a widget's renderer, and the
// texture of an image, for a while after it leaves the screen; without
// this, each would keep its decoded photo and its texture alive with it,
// and a busy kiosk would hold hundreds of them. Refreshing an image that
// is no longer on screen makes Fyne free its texture at the next frame.
func (p *photoLoader) releaseViews() {
	for _, v := range p.views {
		v.clear()
	}
	p.views = p.views[:0]
}

// clear empties the view and lets its texture go.
func (v *photoView) clear() {
	v.hash, v.px = "", image.Point{}
	v.img.Image = nil
	v.img.Hide()
	v.img.Refresh()
}

// show points the view at a photo; loading happens in the background.
func (v *photoView) show(photo data.Image) {
	if photo.Hash == v.hash {
		return
	}
	v.clear()
	if photo.Hash == "" {
		return
	}
	v.hash = photo.Hash
	if v.Size().IsZero() {
		// Not laid out yet: Layout asks at the drawn size. Asking at the
		// minimum first decoded a full-screen photo twice (the attract
		// loop's first slides stayed blank while it did).
		return
	}
	v.request(v.drawnPixels(v.Size()))
}

// prefetch decodes a photo the view will show next, at its present drawn
// size, into the loader's cache, so that it appears at once when shown.
func (v *photoView) prefetch(photo data.Image) {
	if photo.Hash == "" {
		return
	}
	if v.px == (image.Point{}) {
		v.next = photo // once the view knows its size
		return
	}
	v.loader.load(photoRequest{hash: photo.Hash, variant: v.variant, px: v.px, fill: v.img.FillMode}, func(image.Image) {})
}

// request asks for the view's photo at a drawn size.
func (v *photoView) request(px image.Point) {
	v.px = px
	want := photoRequest{hash: v.hash, variant: v.variant, px: px, fill: v.img.FillMode}
	v.loader.load(want, func(img image.Image) {
		if v.hash != want.hash || v.px != want.px {
			return // reused for another item, or resized, meanwhile
		}
		v.img.Image = img
		v.img.Show()
		// Refresh the view, not only the image: Fyne's window knows only
		// the objects that were visible when it last walked the screen, so
		// refreshing the image, hidden until now, redrew nothing until
		// something else moved (photos waited for the pointer).
		v.Refresh()
	})
	if next := v.next; next.Hash != "" {
		v.next = data.Image{}
		v.prefetch(next)
	}
}

// drawnPixels is the size in pixels the view is drawn at: its size once laid
// out (its minimum before), times the screen's scale.
func (v *photoView) drawnPixels(s fyne.Size) image.Point {
	s = s.Max(v.min)
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	return image.Pt(int(s.Width*scale+0.5), int(s.Height*scale+0.5))
}

// resized asks again for the photo when the view is drawn much larger than
// the photo it asked for (the attract loop's full-screen photo starts from
// its small minimum size).
func (v *photoView) resized(s fyne.Size) {
	if v.hash == "" {
		return
	}
	px := v.drawnPixels(s)
	if float32(px.X) > 1.15*float32(v.px.X) || float32(px.Y) > 1.15*float32(v.px.Y) {
		v.request(px)
	}
}

// setFill chooses between cropping to fill (tiles) and showing the whole photo.
func (v *photoView) setFill(mode canvas.ImageFill) {
	v.img.FillMode = mode
	v.img.Refresh()
}

func (v *photoView) MinSize() fyne.Size { return v.min }

func (v *photoView) CreateRenderer() fyne.WidgetRenderer {
	return &photoRenderer{v: v}
}

type photoRenderer struct{ v *photoView }

func (r *photoRenderer) Layout(s fyne.Size) {
	r.v.bg.Resize(s)
	r.v.img.Resize(s)
	r.v.resized(s)
}
func (r *photoRenderer) MinSize() fyne.Size { return r.v.min }
func (r *photoRenderer) Refresh() {
	r.v.bg.Refresh()
	r.v.img.Refresh()
}
func (r *photoRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.bg, r.v.img}
}
func (r *photoRenderer) Destroy() {}
