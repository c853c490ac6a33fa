//go:build devtools

package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"
	"time"

	"ocopkiosk/data/synth"
)

// runGen writes a made-up but valid content pack, for demos, tests and
// benchmarks at the scale of Hanoi or the whole country.
func runGen(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	names := make([]string, 0, len(synth.Presets))
	for n := range synth.Presets {
		names = append(names, n)
	}
	sort.Strings(names) // map order would make --help change between runs
	size := fs.String("size", "small", "a preset `SIZE`: "+presetHelp(names))
	products := fs.Int("products", 0, "how many products (overrides --size)")
	villages := fs.Int("villages", 0, "how many villages (overrides --size)")
	tours := fs.Int("tours", 0, "how many tours (overrides --size)")
	images := fs.Int("images", 0, "how many distinct photos, shared among the items (overrides --size)")
	seed := fs.Uint64("seed", 1, "the seed; the same seed gives the same pack, byte for byte")
	out := fs.String("o", "", "the new pack folder `DIR` (must not exist)")
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	cfg, ok := synth.Presets[*size]
	if !ok {
		fmt.Fprintf(e.stderr, "ocopkiosk gen: --size %q: expected %s\n", *size, strings.Join(names, ", "))
		return errUsage
	}
	if *out == "" {
		fmt.Fprintln(e.stderr, "ocopkiosk gen: -o DIR is required")
		fs.Usage()
		return errUsage
	}
	// Only numbers given on the command line replace the preset's.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "products":
			cfg.Products = *products
		case "villages":
			cfg.Villages = *villages
		case "tours":
			cfg.Tours = *tours
		case "images":
			cfg.Photos = *images
		}
	})
	cfg.Seed = *seed
	start := time.Now()
	p, err := synth.Write(cfg, *out)
	if err != nil {
		return err
	}
	cat := p.Catalogue
	fmt.Fprintf(e.stdout, "generated %s: %d villages, %d products, %d tours, %d photos (seed %d) in %.1fs\n",
		*out, len(cat.Villages), len(cat.Products), len(cat.Tours), len(p.Photos), cfg.Seed, time.Since(start).Seconds())
	return nil
}

func presetHelp(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		c := synth.Presets[n]
		parts[i] = fmt.Sprintf("%s (%d products, %d villages, %d tours, %d photos)", n, c.Products, c.Villages, c.Tours, c.Photos)
	}
	return strings.Join(parts, ", ")
}
