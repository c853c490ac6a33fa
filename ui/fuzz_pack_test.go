package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
	"ocopkiosk/i18n"
)

// The whole-pack fuzzer: a manifest, a products sheet and a village story
// from the fuzzer, with the rest of a small valid pack, imported as staff
// would import it. An import must never panic (pack.Import turns a panic
// into an error that says so, which fails here), and every screen of a pack
// that imports must be built and laid out within fuzzRenderBound.

// fuzzRenderBound is far above the 50 ms a screen takes, and far below the
// seconds that a quadratic layout or a screen without limits took: the
// fuzzer runs on busy machines and under coverage instrumentation.
const fuzzRenderBound = 2 * time.Second

func tinyPNG(seed uint8) string {
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for i := range img.Pix {
		img.Pix[i] = seed + uint8(i)
	}
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.String()
}

// fuzzPackFiles is the rest of the pack: one village, one tour, photos.
var fuzzPackFiles = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"villages.csv": "id,name_vi,summary_vi,craft_vi,commune,lat,lng,cover,gallery\n" +
			"bat-trang,Bát Tràng,Làng gốm,Gốm sứ,Bát Tràng,20.976,105.913,images/cover.png,images/kiln.png\n",
		"tours.csv": "id,village_id,name_vi,description_vi,schedule_vi,meeting_point_vi,duration_minutes,price_vnd,min_group,max_group,guide_languages,signup_url,images\n" +
			"bt-workshop,bat-trang,Nặn gốm,Tự tay nặn gốm,Hằng ngày,Chợ gốm,90,150000,1,20,vi;en,https://zalo.me/1,images/kiln.png\n",
		"images/cover.png": tinyPNG(1), "images/kiln.png": tinyPNG(2), "images/vase.png": tinyPNG(3),
		"images/a.png": tinyPNG(4), "images/b.png": tinyPNG(5),
	}
})

const (
	fuzzManifest = `{"format": 1, "version": 2, "title": "Fuzz", "created": "2026-11-01T09:00:00+07:00"}`
	fuzzProducts = "id,village_id,name_vi,description_vi,producer,producer_type,group,stars,decision_no,decision_date,valid_until,price_min,price_max,unit_vi,purchase_url,images,featured\n" +
		"bt-vase,bat-trang,Bình gốm,\"Bình gốm, vẽ tay\",Công ty Gốm,company,IV,5,12/QĐ-UBND,2025-03-01,,350000,1500000,chiếc,https://shopee.vn/x,images/vase.png;images/a.png,yes\n"
	fuzzStory = "# Bát Tràng\n\nLàng **gốm** cổ.\n\n![Lò](images/kiln.png)\n\n- một\n- hai\n"
)

// fuzzKiosk is one store and kiosk for all the fuzzer's inputs in a
// process: each import replaces the whole catalogue.
type fuzzKiosk struct {
	st *data.Store
	k  *Kiosk
	w  fyne.Window
}

var fuzzState struct {
	once sync.Once
	fk   *fuzzKiosk
	err  error
}

func getFuzzKiosk(dir string) (*fuzzKiosk, error) {
	fuzzState.once.Do(func() {
		app := test.NewApp()
		app.Settings().SetTheme(Theme())
		st, err := data.Open(filepath.Join(dir, "fuzz.db"))
		if err != nil {
			fuzzState.err = err
			return
		}
		k := New(st, i18n.MustLoad(), Options{SyncPhotos: true, Animate: runAllFrames})
		w := test.NewWindow(k.Root())
		w.SetPadded(false)
		w.Resize(fyne.NewSize(1920, 1080))
		fuzzState.fk = &fuzzKiosk{st: st, k: k, w: w}
	})
	return fuzzState.fk, fuzzState.err
}

func FuzzWholePack(f *testing.F) {
	f.Add([]byte(fuzzManifest), []byte(fuzzProducts), []byte(fuzzStory))
	dotted := strings.ReplaceAll(fuzzProducts, "bat-trang", "bat.trang")
	f.Add([]byte(fuzzManifest), []byte(dotted), []byte("![x](images/kiln.png)"))
	f.Add([]byte(strings.Replace(fuzzManifest, "Fuzz", `\u001b]0;x\u0007`, 1)), []byte(fuzzProducts), []byte(strings.Repeat("- a\n", 3000)))
	f.Add([]byte(fuzzManifest), []byte(strings.Replace(fuzzProducts, "images/vase.png;images/a.png",
		strings.TrimSuffix(strings.Repeat("images/vase.png;", 12), ";"), 1)), []byte(strings.Repeat("gốm ", 5000)))
	f.Add([]byte(fuzzManifest), []byte(strings.Replace(fuzzProducts, "Bình gốm,", strings.Repeat("Bình ", 30)+",", 1)),
		[]byte(strings.Repeat("巴特场陶瓷村", 1000)))
	f.Add([]byte("{}"), []byte("id\n"), []byte("\xff"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, manifest, products, story []byte) {
		fk, err := getFuzzKiosk(dir)
		if err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for name, body := range fuzzPackFiles() {
			fsys[name] = &fstest.MapFile{Data: []byte(body)}
		}
		fsys["manifest.json"] = &fstest.MapFile{Data: manifest}
		fsys["products.csv"] = &fstest.MapFile{Data: products}
		fsys["stories/bat-trang.vi.md"] = &fstest.MapFile{Data: story}
		_, err = pack.ImportFS(context.Background(), fk.st, fsys, pack.Options{AllowedHosts: data.DefaultAllowedHosts})
		if err != nil {
			if strings.Contains(err.Error(), "the kiosk failed on this pack") {
				t.Fatalf("the import panicked: %v", err)
			}
			return // refused, with its problems: fine
		}
		fk.k.reloadContent()
		cat, err := fk.st.LoadCatalogue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var routes []Route
		for _, v := range cat.Villages {
			routes = append(routes, Route{Screen: ScreenVillage, ID: v.ID})
		}
		for _, p := range cat.Products {
			routes = append(routes, Route{Screen: ScreenProduct, ID: p.ID})
		}
		routes = append(routes, Route{Screen: ScreenProducts}, Route{Screen: ScreenHome})
		for _, r := range routes {
			start := time.Now()
			fk.k.ShowRoute(r)
			if d := time.Since(start); d > fuzzRenderBound {
				t.Fatalf("%v took %v to build and lay out", r, d)
			}
		}
	})
}
