package data

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"ocopkiosk/data/input"
)

// EvalQuery is one line of a search evaluation table: what a visitor of a
// language types with an input method, the item they expect first, and why.
type EvalQuery struct {
	Line   int
	Lang   Lang
	Method string // latin, telex, vni, hangul, kana, romaji, pinyin
	Keys   string // the keys pressed, one character a key
	Expect string // the id of the item expected first
	Why    string
}

// InputMethods are the methods an evaluation table may name, as the
// visitor keyboards read keys.
var InputMethods = map[string]input.Method{
	"latin": input.Plain{}, "pinyin": input.Plain{}, "telex": input.Vietnamese{}, "vni": input.Vietnamese{},
	"hangul": input.Hangul{}, "kana": input.Kana{}, "romaji": input.Romaji{},
}

// ReadEvalQueries reads a tab-separated table: lang, method, keys, expected
// id, reasoning. Blank lines and lines starting with # are skipped.
func ReadEvalQueries(r io.Reader) ([]EvalQuery, error) {
	var out []EvalQuery
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d columns; expected 5 separated by tabs: lang, method, keys, expected id, why", line, len(f))
		}
		lang, ok := ParseLang(f[0])
		if !ok {
			return nil, fmt.Errorf("line %d: %q is not a visitor language", line, f[0])
		}
		if _, ok := InputMethods[f[1]]; !ok {
			return nil, fmt.Errorf("line %d: %q is not an input method; expected latin, telex, vni, hangul, kana, romaji or pinyin", line, f[1])
		}
		if f[2] == "" || f[3] == "" {
			return nil, fmt.Errorf("line %d: the keys and the expected id are required", line)
		}
		out = append(out, EvalQuery{Line: line, Lang: lang, Method: f[1], Keys: f[2], Expect: f[3], Why: f[4]})
	}
	return out, sc.Err()
}

// KeysOf splits a table's keys into key presses, one character each.
func KeysOf(keys string) []string {
	var out []string
	for _, r := range keys {
		out = append(out, string(r))
	}
	return out
}

// Typed is what the visitor's keyboard makes of the keys: the query to
// search, and the raw letters to fall back on, as the search screen does.
func (q EvalQuery) Typed() (query, raw string) {
	e := input.NewEditor(InputMethods[q.Method], 0)
	for _, k := range KeysOf(q.Keys) {
		e.Press(k)
	}
	return strings.TrimSpace(e.Query()), strings.TrimSpace(e.Raw())
}

// FindTyped searches as the search screen does: the keyboard's reading of
// the keys, then, if it finds nothing, the keys as typed.
func (s *Store) FindTyped(ctx context.Context, q EvalQuery, limit int) (SearchResults, error) {
	query, raw := q.Typed()
	res, err := s.Find(ctx, SearchQuery{Text: query, Lang: q.Lang, Limit: limit})
	if err == nil && res.Total == 0 && raw != query {
		res, err = s.Find(ctx, SearchQuery{Text: raw, Lang: q.Lang, Limit: limit})
	}
	return res, err
}

// EvalScore counts, for one language, the queries whose expected item came
// first and within the first five.
type EvalScore struct {
	Lang                Lang
	Queries, Top1, Top5 int
}

// EvalResult is one query's outcome.
type EvalResult struct {
	Query EvalQuery
	Typed string
	Rank  int // 1-based; 0: not in the first five
	First string
}

// Evaluate runs the queries and scores them per language, in the order of
// Languages.
func (s *Store) Evaluate(ctx context.Context, queries []EvalQuery) ([]EvalScore, []EvalResult, error) {
	byLang := map[Lang]*EvalScore{}
	var results []EvalResult
	for _, q := range queries {
		res, err := s.FindTyped(ctx, q, 5)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", q.Line, err)
		}
		typed, _ := q.Typed()
		r := EvalResult{Query: q, Typed: typed}
		for i, h := range res.Hits {
			if i == 0 {
				r.First = h.ID
			}
			if h.ID == q.Expect && r.Rank == 0 {
				r.Rank = i + 1
			}
		}
		sc := byLang[q.Lang]
		if sc == nil {
			sc = &EvalScore{Lang: q.Lang}
			byLang[q.Lang] = sc
		}
		sc.Queries++
		if r.Rank == 1 {
			sc.Top1++
		}
		if r.Rank >= 1 {
			sc.Top5++
		}
		results = append(results, r)
	}
	var scores []EvalScore
	for _, l := range Languages {
		if sc := byLang[l]; sc != nil {
			scores = append(scores, *sc)
		}
	}
	return scores, results, nil
}
