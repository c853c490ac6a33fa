package ui

import (
	"container/list"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// photoCacheBytes bounds the decoded photos kept in memory. Thumbnails are
// about 0.3 MB decoded and display copies about 2 MB, so this holds a few
// screens' worth while keeping a long day's memory flat.
const photoCacheBytes = 32 << 20

// photoLoader decodes photos off the UI goroutine and keeps the most
// recently used ones. canvas.Image decodes a file on the calling goroutine
// and again on every refresh, which would stall scrolling; this decodes once.
type photoLoader struct {
	lib  media.Library
	sync bool // decode on the caller's goroutine (tests and screenshots)

	views []*photoView // the views on the current screen, released when it goes

	mu    sync.Mutex
	lru   *list.List // of *cachedPhoto, most recent first
	byKey map[string]*list.Element
	bytes int
	slots chan struct{} // bounds concurrent decodes
}

type cachedPhoto struct {
	key   string
	img   image.Image
	bytes int
}

func newPhotoLoader(lib media.Library, synchronous bool) *photoLoader {
	return &photoLoader{lib: lib, sync: synchronous, lru: list.New(), byKey: map[string]*list.Element{},
		slots: make(chan struct{}, 2)}
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
	b := img.Bounds()
	size := b.Dx() * b.Dy() * 2 // YCbCr 4:2:0 is 1.5 bytes a pixel; round up
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

// decode reads one stored photo variant; nil when it cannot be read (the
// view then keeps its plain background rather than failing).
func (p *photoLoader) decode(hash string, v media.Variant) image.Image {
	f, err := os.Open(p.lib.Path(hash, v))
	if err != nil {
		return nil
	}
	defer f.Close()
	img, err := jpeg.Decode(f)
	if err != nil {
		fyne.LogError("decode photo "+hash, err)
		return nil
	}
	return img
}

// load gets a photo and hands it to done on the UI goroutine.
func (p *photoLoader) load(hash string, v media.Variant, done func(image.Image)) {
	key := hash + "." + string(v)
	if img := p.cached(key); img != nil {
		done(img)
		return
	}
	if p.sync {
		if img := p.decode(hash, v); img != nil {
			p.store(key, img)
			done(img)
		}
		return
	}
	go func() {
		p.slots <- struct{}{}
		img := p.decode(hash, v)
		<-p.slots
		if img == nil {
			return
		}
		p.store(key, img)
		fyne.Do(func() { done(img) })
	}()
}

// photoView shows one photo, cropped to fill its area, over a soft
// background while it loads. It can be pointed at another photo when a
// virtualised grid reuses it.
type photoView struct {
	widget.BaseWidget
	loader  *photoLoader
	variant media.Variant
	hash    string
	min     fyne.Size
	bg      *canvas.Rectangle
	img     *canvas.Image
}

func newPhotoView(loader *photoLoader, variant media.Variant, min fyne.Size) *photoView {
	v := &photoView{loader: loader, variant: variant, min: min}
	v.bg = canvas.NewRectangle(color.NRGBA{R: 0xee, G: 0xe6, B: 0xda, A: 0xff})
	v.bg.CornerRadius = 10
	v.img = canvas.NewImageFromImage(nil)
	v.img.FillMode = canvas.ImageFillCover
	v.img.CornerRadius = 10
	v.img.Hide() // until it has a photo: Fyne's software painter cannot draw an empty cover image
	v.ExtendBaseWidget(v)
	loader.views = append(loader.views, v)
	return v
}

// releaseViews lets go of the photos shown by the views made so far: the
// screen they were on has gone. Fyne keeps a widget's renderer for a while
// after it leaves the screen; without this, each would keep its decoded
// photo alive with it, and a busy kiosk would hold hundreds of them.
func (p *photoLoader) releaseViews() {
	for _, v := range p.views {
		v.hash = ""
		v.img.Image = nil
		v.img.Hide()
	}
	p.views = p.views[:0]
}

// show points the view at a photo; loading happens in the background.
func (v *photoView) show(photo data.Image) {
	if photo.Hash == v.hash {
		return
	}
	v.hash = photo.Hash
	v.img.Image = nil
	v.img.Hide()
	if photo.Hash == "" {
		return
	}
	want := photo.Hash
	v.loader.load(photo.Hash, v.variant, func(img image.Image) {
		if v.hash != want {
			return // reused for another item meanwhile
		}
		v.img.Image = img
		v.img.Show()
		// Refresh the view, not only the image: Fyne's window knows only
		// the objects that were visible when it last walked the screen, so
		// refreshing the image, hidden until now, redrew nothing until
		// something else moved (photos waited for the pointer).
		v.Refresh()
	})
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
