package main

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
	"ocopkiosk/ui"
)

// runScreenshot renders screens to PNG files. One screen, language and
// size write -o FILE; several (comma-separated lists) write every
// combination into -o DIR as SIZE-LANG-SCREEN.png, in one process, for
// the contact sheets of `make screenshots`.
func runScreenshot(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	specs := fs.String("screen", "home", "the `SCREENS`, comma-separated: home, products, product:ID, villages, village:ID, tours, tour:ID, search:TEXT, attract, still-there")
	langs := fs.String("lang", "vi", "the visitor `LANGUAGES`, comma-separated (vi, en, ko, zh, ja), or all")
	sizes := fs.String("size", "1920x1080", "the screen `SIZES` in pixels, WxH, comma-separated: 1920x1080, 1080x1920 (portrait), 1366x768, 1280x800, 3840x2160 …")
	scale := fs.Float64("scale", 0, "pixels per unit of layout; 0 chooses 2 for a screen 3000 pixels or more across (4K), else 1")
	large := fs.Bool("large", false, "large text and high contrast, as a visitor's Aa sets them")
	out := fs.String("o", "", "write the PNG to `FILE`, or the PNGs into a directory when there are several (required)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	shots, err := parseShots(*specs, *langs, *sizes, *scale, *large)
	if err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-o FILE is required")
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	msg := i18n.MustLoad()
	for _, s := range shots {
		path := *out
		if len(shots) > 1 {
			if err := os.MkdirAll(*out, 0o755); err != nil {
				return err
			}
			path = filepath.Join(*out, s.name)
		}
		if err := writePNG(path, ui.Screenshot(st, msg, ui.Options{}, s.Shot)); err != nil {
			return err
		}
	}
	return nil
}

type namedShot struct {
	ui.Shot
	name string // SIZE-LANG-SCREEN.png
}

func parseShots(specs, langs, sizes string, scale float64, large bool) ([]namedShot, error) {
	if scale != 0 && (scale < 0.5 || scale > 4) {
		return nil, fmt.Errorf("--scale %v: expected 0 (automatic) or between 0.5 and 4", scale)
	}
	if langs == "all" {
		langs = "vi,en,ko,zh,ja"
	}
	var shots []namedShot
	for _, size := range strings.Split(sizes, ",") {
		w, h, err := parseSize(size)
		if err != nil {
			return nil, err
		}
		sc := scale
		if sc == 0 {
			sc = 1
			if max(w, h) >= 3000 {
				sc = 2
			}
		}
		for _, lang := range strings.Split(langs, ",") {
			l, ok := data.ParseLang(lang)
			if !ok {
				return nil, fmt.Errorf("--lang %q: expected vi, en, ko, zh, ja or all", lang)
			}
			for _, spec := range strings.Split(specs, ",") {
				route, err := ui.ParseRoute(spec)
				if err != nil {
					return nil, err
				}
				name := fmt.Sprintf("%dx%d-%s-%s.png", w, h, l, strings.NewReplacer(":", "-", " ", "-", "/", "-").Replace(spec))
				shots = append(shots, namedShot{Shot: ui.Shot{Route: route, Lang: l, Size: fyne.NewSize(float32(w), float32(h)),
					Scale: float32(sc), Large: large}, name: name})
			}
		}
	}
	return shots, nil
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 320 || h < 240 || w > 7680 || h > 4320 {
		return 0, 0, fmt.Errorf("--size %q: expected WIDTHxHEIGHT such as 1920x1080", s)
	}
	return w, h, nil
}
