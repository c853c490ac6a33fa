package main

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"ocopkiosk/data"
	"ocopkiosk/i18n"
	"ocopkiosk/ui"
)

func runScreenshot(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	spec := fs.String("screen", "home", "the `SCREEN`: home, products, product:ID, villages, village:ID, tours, tour:ID, search:TEXT, attract")
	lang := fs.String("lang", "vi", "the visitor language (vi, en, ko, zh, ja)")
	size := fs.String("size", "1920x1080", "the screen size in pixels, `WxH`: 1920x1080, 1080x1920 (portrait), 1366x768, 1280x800, 3840x2160 …")
	scale := fs.Float64("scale", 0, "pixels per unit of layout; 0 chooses 2 for a screen 3000 pixels or more across (4K), else 1")
	large := fs.Bool("large", false, "large text and high contrast, as a visitor's Aa sets them")
	out := fs.String("o", "", "write the PNG to `FILE` (required)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	route, err := ui.ParseRoute(*spec)
	if err != nil {
		return err
	}
	l, ok := data.ParseLang(*lang)
	if !ok {
		return fmt.Errorf("--lang %q: expected vi, en, ko, zh or ja", *lang)
	}
	w, h, err := parseSize(*size)
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
	if *scale == 0 {
		*scale = 1
		if max(w, h) >= 3000 {
			*scale = 2
		}
	}
	if *scale < 0.5 || *scale > 4 {
		return fmt.Errorf("--scale %v: expected 0 (automatic) or between 0.5 and 4", *scale)
	}
	img := ui.Screenshot(st, i18n.MustLoad(), ui.Options{}, ui.Shot{Route: route, Lang: l,
		Size: fyne.NewSize(float32(w), float32(h)), Scale: float32(*scale), Large: *large})
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 320 || h < 240 || w > 7680 || h > 4320 {
		return 0, 0, fmt.Errorf("--size %q: expected WIDTHxHEIGHT such as 1920x1080", s)
	}
	return w, h, nil
}
