package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"ocopkiosk/data"
)

// Golden markup of the main screens, in Vietnamese and Japanese, so that a
// change to any screen is seen in review. After an intended change, run
// `UPDATE_GOLDEN=1 go test ./ui -run TestGolden` and read the diff.
//
// At 1920×1080 every main screen; in portrait (1080×1920) and on a small
// screen (1366×768) the screens whose layout changes most with the shape.
func TestGoldenScreens(t *testing.T) {
	screens := []string{"home", "products", "product:bt-lotus-tea-set", "village:bat-trang", "tour:bt-tour-pottery-wheel", "search:lua van phuc"}
	shapes := []struct {
		size    fyne.Size
		suffix  string
		screens []string
	}{
		{fyne.NewSize(1920, 1080), "", screens},
		{fyne.NewSize(1080, 1920), "_1080x1920", []string{"home", "products", "product:bt-lotus-tea-set", "village:bat-trang"}},
		{fyne.NewSize(1366, 768), "_1366x768", []string{"home", "product:bt-lotus-tea-set", "village:bat-trang"}},
	}
	for _, shape := range shapes {
		for _, lang := range []data.Lang{data.VI, data.JA} {
			for _, spec := range shape.screens {
				r, err := ParseRoute(spec)
				if err != nil {
					t.Fatal(err)
				}
				name := r.Screen + "_" + string(lang) + shape.suffix + ".xml"
				t.Run(name, func(t *testing.T) {
					k, w, _ := newTestKiosk(t)
					w.Resize(shape.size)
					if r.ID != "" && r.Screen != ScreenSearch && !exists(k, r) {
						t.Fatalf("the sample has no %s", spec)
					}
					k.lang = lang
					k.ShowRoute(r)
					assertMarkup(t, name, w)
				})
			}
		}
	}
}

func exists(k *Kiosk, r Route) bool {
	var err error
	switch r.Screen {
	case ScreenProduct:
		_, err = k.cat.Product(k.ctx, r.ID)
	case ScreenVillage:
		_, err = k.cat.Village(k.ctx, r.ID)
	case ScreenTour:
		_, err = k.cat.Tour(k.ctx, r.ID)
	}
	return err == nil
}

func assertMarkup(t *testing.T, name string, w fyne.Window) {
	t.Helper()
	master := filepath.Join("testdata", name)
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.Remove(master)
		test.AssertRendersToMarkup(&testing.T{}, name, w.Canvas())
		if err := os.Rename(filepath.Join("testdata", "failed", name), master); err != nil {
			t.Fatal(err)
		}
		return
	}
	test.AssertRendersToMarkup(t, name, w.Canvas())
}
