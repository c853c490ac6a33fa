package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"ocopkiosk/data"
)

// productCatalog is the sample catalogue with one product changed.
type productCatalog struct {
	Catalog
	id     string
	change func(*data.Product)
}

func (c productCatalog) Product(ctx context.Context, id string) (data.Product, error) {
	p, err := c.Catalog.Product(ctx, id)
	if err == nil && id == c.id {
		c.change(&p)
	}
	return p, err
}

// inWindow reports whether o lies wholly inside the window's canvas.
func inWindow(w fyne.Window, o fyne.CanvasObject) bool {
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size, win := o.Size(), w.Canvas().Size()
	return o.Visible() && size.Width > 0 && size.Height > 0 && pos.X >= 0 && pos.Y >= 0 &&
		pos.X+size.Width <= win.Width+0.5 && pos.Y+size.Height <= win.Height+0.5
}

// findText finds the label or text on screen that shows s.
func findText(k *Kiosk, s string) fyne.CanvasObject {
	var found fyne.CanvasObject
	walk(k.Root(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			if x.Text == s && found == nil {
				found = x
			}
		case *canvas.Text:
			if x.Text == s && found == nil {
				found = x
			}
		}
	})
	return found
}

// Whatever a product holds (a dozen photos, a name and a description as
// long as a pack may have), its screen shows the name, stars, certificate
// status, price and QR code within the window, at the landscape sizes
// a showroom mounts. The time bound is loose, for
// race-detector builds on busy machines; BenchmarkStoryRender and
// `ocopkiosk bench` give the real figures. Before,
// six photos pushed the price under the QR panel and ten or more pushed the
// name, stars and the red "expired" line off the screen.
func TestProductFactsStayVisible(t *testing.T) {
	k, w, _ := newTestKiosk(t)
	const id = "vp-silk-tie" // its certificate has expired: the red line must show
	base, err := k.cat.Product(k.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	longName := strings.TrimSpace(strings.Repeat("Khăn lụa tơ tằm Vạn Phúc dệt tay ", 5))[:148]
	cases := map[string]func(*data.Product){
		"12 photos": func(p *data.Product) {
			for len(p.Images) < 12 {
				p.Images = append(p.Images, base.Images[0])
			}
		},
		"long name and description": func(p *data.Product) {
			p.Name = data.Text{data.VI: longName}
			p.Description = data.Text{data.VI: strings.Repeat("Lụa tơ tằm dệt tay trên khung gỗ cổ. ", 80)}
		},
		"everything at once": func(p *data.Product) {
			for len(p.Images) < 12 {
				p.Images = append(p.Images, base.Images[0])
			}
			p.Name = data.Text{data.VI: strings.ReplaceAll(longName, " ", "")}
			p.Description = data.Text{data.VI: strings.Repeat("x", 3000)}
		},
	}
	orig := k.cat
	for name, change := range cases {
		for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}, {Width: 1366, Height: 768}, {Width: 1280, Height: 800}, {Width: 3840, Height: 2160}} {
			t.Run(name, func(t *testing.T) {
				k.cat = productCatalog{Catalog: orig, id: id, change: change}
				w.Resize(size)
				start := time.Now()
				k.ShowRoute(Route{Screen: ScreenProduct, ID: id})
				if d := time.Since(start); d > 10*time.Second {
					t.Errorf("%v: the screen took %v to build and lay out", size, d)
				}
				p, _ := k.cat.Product(k.ctx, id)
				for _, what := range []string{
					p.Name.In(k.lang),
					starsText(p.Stars),
					k.t("product.expired", "Date", formatDate(p.ValidUntil, k.lang)),
					k.shownEnv.priceText(p),
				} {
					if !visibleWrapped(k, size, what) {
						t.Errorf("%v: %q is not within the window", size, what)
					}
				}
				if k.shownEnv.qr == nil || !inWindow(w, k.shownEnv.qr.code) {
					t.Errorf("%v: the QR code is not within the window", size)
				}
				if min := w.Content().MinSize(); min.Width > size.Width {
					t.Errorf("%v: the screen needs %v", size, min)
				}
			})
		}
	}
	k.cat = orig
}

// visibleWrapped reports whether s is on screen whole, also when it is
// wrapped over several lines: the texts drawn unclipped, read in the order
// they are placed, hold it.
func visibleWrapped(k *Kiosk, size fyne.Size, s string) bool {
	overlayHolder = k.overlay
	var shown []string
	for _, p := range placeAll(k.Root(), size) {
		if x, ok := p.obj.(*canvas.Text); ok && contains(p.clip, inkRect(x, p.at)) {
			shown = append(shown, strings.TrimSpace(x.Text))
		}
	}
	// Compared without spaces: a word longer than its line is broken
	// where no space was.
	noSpace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strings.Contains(noSpace(strings.Join(shown, "")), noSpace(s))
}
