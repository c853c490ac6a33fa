package data_test

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"ocopkiosk/data"
	"ocopkiosk/data/synth"
)

// The national catalogue (20,000 products) without photos, made once for
// all benchmarks of this package; `ocopkiosk bench` measures the rest.
var (
	nationalOnce sync.Once
	nationalDB   *data.Store
	nationalCat  *data.Catalogue
)

func national(b *testing.B) (*data.Store, *data.Catalogue) {
	b.Helper()
	nationalOnce.Do(func() {
		p, err := synth.Generate(synth.Presets["national"])
		if err != nil {
			b.Fatal(err)
		}
		st, err := data.Open(filepath.Join(b.TempDir(), "national.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := st.ReplaceCatalogue(context.Background(), p.Catalogue); err != nil {
			b.Fatal(err)
		}
		nationalDB, nationalCat = st, p.Catalogue
	})
	if nationalDB == nil {
		b.Skip("the national catalogue could not be made")
	}
	return nationalDB, nationalCat
}

// benchQueries mixes words from names, with and without marks, prefixes
// and misses.
func benchQueries(cat *data.Catalogue) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	var qs []string
	for len(qs) < 200 {
		name := cat.Products[rng.IntN(len(cat.Products))].Name[data.VI]
		words := strings.Fields(name)
		w := words[rng.IntN(len(words))]
		switch len(qs) % 4 {
		case 0:
			qs = append(qs, w)
		case 1:
			qs = append(qs, data.Fold(strings.Join(words[:min(2, len(words))], " ")))
		case 2:
			qs = append(qs, data.Fold(w)[:min(3, len(data.Fold(w)))])
		case 3:
			qs = append(qs, "xqzv")
		}
	}
	return qs
}

func BenchmarkSearchNational(b *testing.B) {
	st, cat := national(b)
	qs := benchQueries(cat)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := st.Search(ctx, qs[i%len(qs)], data.DefaultHitsLimit); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSearchByScanNational(b *testing.B) {
	st, cat := national(b)
	qs := benchQueries(cat)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := st.SearchByScan(ctx, qs[i%len(qs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkFilteredPageNational(b *testing.B) {
	st, cat := national(b)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	for b.Loop() {
		p := cat.Products[rng.IntN(len(cat.Products))]
		if _, err := st.ListProducts(ctx, data.ProductFilter{Group: p.Group, Stars: p.Stars, VillageID: p.VillageID, Limit: 60}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProductNational(b *testing.B) {
	st, cat := national(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		if _, err := st.Product(ctx, cat.Products[(i*7919)%len(cat.Products)].ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
