//go:build devtools

package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"ocopkiosk/assets"
	"ocopkiosk/data"
	"ocopkiosk/data/input"
	"ocopkiosk/data/pack"
	"ocopkiosk/data/synth"
)

// runSearchEval scores search on a table of visitor queries against the
// built-in sample content, then on generated queries against the
// synthetic national catalogue.
func runSearchEval(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	verbose := fs.Bool("v", false, "list every query that missed the first place")
	national := fs.Int("national", 200, "generated queries per language on the national catalogue (0: skip)")
	if err := e.parse(fs, args, 1); err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	queries, err := data.ReadEvalQueries(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	dir, err := os.MkdirTemp("", "ocop-search-eval")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := data.Open(filepath.Join(dir, "sample.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := pack.ImportFS(ctx, st, assets.Sample(), pack.Options{}); err != nil {
		return fmt.Errorf("import the sample: %w", err)
	}
	scores, results, err := st.Evaluate(ctx, queries)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "sample content, %d queries from %s:\n", len(queries), fs.Arg(0))
	printScores(e, scores)
	if *verbose {
		for _, r := range results {
			if r.Rank != 1 {
				fmt.Fprintf(e.stdout, "  line %d %s %s %q (%q): expected %s, rank %d, first %s\n", r.Query.Line,
					r.Query.Lang, r.Query.Method, r.Query.Keys, r.Typed, r.Query.Expect, r.Rank, r.First)
			}
		}
	}
	if *national <= 0 {
		return nil
	}
	return nationalEval(ctx, e, dir, *national)
}

func printScores(e *env, scores []data.EvalScore) {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "lang\tqueries\ttop-1\ttop-5")
	var all data.EvalScore
	for _, s := range scores {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", s.Lang, s.Queries, share(s.Top1, s.Queries), share(s.Top5, s.Queries))
		all.Queries, all.Top1, all.Top5 = all.Queries+s.Queries, all.Top1+s.Top1, all.Top5+s.Top5
	}
	fmt.Fprintf(w, "all\t%d\t%s\t%s\n", all.Queries, share(all.Top1, all.Queries), share(all.Top5, all.Queries))
	w.Flush()
}

func share(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f %%", 100*float64(n)/float64(of))
}

// nationalEval types each of n random products' names per language, the
// way that language's visitor would (Vietnamese and English on Latin keys,
// Korean in jamo, Chinese in pinyin, Japanese as the kana of its reading),
// and counts the product first or in the first five. Generated names
// repeat (a village makes several "blue-glaze vases"), so a first result
// with the same name in that language counts as first.
func nationalEval(ctx context.Context, e *env, dir string, n int) error {
	p, err := synth.Generate(synth.Presets["national"])
	if err != nil {
		return err
	}
	st, err := data.Open(filepath.Join(dir, "national.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.ReplaceCatalogue(ctx, p.Catalogue); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(10, 10))
	var scores []data.EvalScore
	for _, lang := range data.Languages {
		sc := data.EvalScore{Lang: lang}
		for range n {
			prod := p.Catalogue.Products[rng.IntN(len(p.Catalogue.Products))]
			q := nationalQuery(lang, prod)
			res, err := st.FindTyped(ctx, q, 5)
			if err != nil {
				return err
			}
			sc.Queries++
			for i, h := range res.Hits {
				if h.ID == prod.ID || (i == 0 && h.Kind == data.KindProduct && h.Name[lang] == prod.Name[lang]) {
					if i == 0 {
						sc.Top1++
					}
					sc.Top5++
					break
				}
			}
		}
		scores = append(scores, sc)
	}
	fmt.Fprintf(e.stdout, "national synthetic catalogue (%d products), %d generated queries per language:\n", len(p.Catalogue.Products), n)
	printScores(e, scores)
	return nil
}

func nationalQuery(lang data.Lang, p data.Product) data.EvalQuery {
	name := p.Name[lang]
	switch lang {
	case data.KO:
		return data.EvalQuery{Lang: lang, Method: "hangul", Keys: strings.Join(input.HangulKeys(name), "")}
	case data.ZH:
		return data.EvalQuery{Lang: lang, Method: "pinyin", Keys: strings.ReplaceAll(data.Fold(data.PinyinReading(name)), " ", "")}
	case data.JA:
		kana := strings.ReplaceAll(data.Fold(data.KanaReading(name)), " ", "")
		return data.EvalQuery{Lang: lang, Method: "kana", Keys: strings.Join(input.KanaKeys(kana), "")}
	}
	return data.EvalQuery{Lang: lang, Method: "latin", Keys: data.Fold(name)}
}
