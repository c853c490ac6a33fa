package main

import (
	"context"
	"errors"
	"fmt"

	"ocopkiosk/data"
	"ocopkiosk/data/handoff"
	"ocopkiosk/data/media"
)

// qrPixelsPerModule makes a printable code: 10 pixels a module.
const qrPixelsPerModule = 10

// runQR writes the same code the kiosk shows for an item, and prints the
// text it holds, so staff can check or print a code.
func runQR(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	product := fs.String("product", "", "the product `ID` (its Buy code, or with --pay its VietQR transfer)")
	tour := fs.String("tour", "", "the tour `ID` (its Sign-up code)")
	village := fs.String("village", "", "the village `ID` (its Directions code)")
	pay := fs.Bool("pay", false, "with --product: the VietQR bank transfer instead of the shop page")
	lang := fs.String("lang", "vi", "the visitor language the link asks for (vi, en, ko, zh, ja)")
	out := fs.String("o", "", "write the PNG to `FILE` (required)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	l, ok := data.ParseLang(*lang)
	if !ok {
		return fmt.Errorf("--lang %q: expected vi, en, ko, zh or ja", *lang)
	}
	if countSet(*product, *tour, *village) != 1 {
		return errors.New("name exactly one of --product, --tour or --village")
	}
	if *pay && *product == "" {
		return errors.New("--pay goes with --product")
	}
	if *out == "" {
		return errors.New("-o FILE is required")
	}
	st, err := openContent(ctx, e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	// The kiosk's own settings: the same centre and allow-list as on screen.
	settings, err := st.Settings(ctx)
	if err != nil {
		return err
	}
	c := handoff.Context{CentreID: settings.CentreID, Lang: l, AllowedHosts: settings.AllowedHosts}
	text, err := qrText(ctx, st, c, *product, *tour, *village, *pay)
	if err != nil {
		return err
	}
	png, err := handoff.PNG(text, qrPixelsPerModule)
	if err != nil {
		return err
	}
	if err := media.WriteFileAtomic(*out, png); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, text)
	return nil
}

func qrText(ctx context.Context, st *data.Store, c handoff.Context, product, tour, village string, pay bool) (string, error) {
	switch {
	case product != "":
		p, err := st.Product(ctx, product)
		if err != nil {
			return "", err
		}
		if pay {
			return handoff.ProductPayment(p)
		}
		return handoff.ProductLink(p, c)
	case tour != "":
		t, err := st.Tour(ctx, tour)
		if err != nil {
			return "", err
		}
		return handoff.TourLink(t, c)
	}
	v, err := st.Village(ctx, village)
	if err != nil {
		return "", err
	}
	return handoff.DirectionsLink(v, c)
}

func countSet(values ...string) int {
	n := 0
	for _, v := range values {
		if v != "" {
			n++
		}
	}
	return n
}
