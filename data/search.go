package data

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"sort"
	"strings"
)

// SearchHit is one item found by Search.
type SearchHit struct {
	Kind  Kind
	ID    string
	Name  Text
	Score float64 // higher is better
}

// Limits that keep any visitor input cheap: a 1,000-character paste is cut
// to its first words.
const (
	maxQueryTokens   = 8
	maxTokenRunes    = 32
	DefaultHitsLimit = 50
)

// Search finds villages, products and tours whose texts, in any language,
// contain every word of query as a word prefix, ignoring case and Vietnamese
// marks ("bat tr" finds Bát Tràng). Best matches come first: a word in a name
// counts more than one in a village or craft, which counts more than one in
// a description. Any input is safe; input with no letters or digits finds
// nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultHitsLimit
	}
	// Items whose names hold every word come first; only if they are too
	// few, items that hold the words anywhere follow.
	hits, err := s.rankedMatches(ctx, matchIn("name", terms), nil)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if len(hits) < limit {
		seen := map[int64]bool{}
		for _, h := range hits {
			seen[h.docid] = true
		}
		more, err := s.rankedMatches(ctx, matchIn("", terms), seen)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		hits = append(hits, more...)
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out, err := s.identify(ctx, hits)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return out, s.nameHits(ctx, out)
}

// rankCandidates bounds how many matches one search ranks. A word like
// "lang" (village) is in nearly every item of a national catalogue, and
// ranking 25,000 rows costs 30 ms; among the first few hundred matches the
// best of a name match are as good to a visitor, and a search then never
// takes more than a few milliseconds, however common its words.
const rankCandidates = 300

// rankedHit is a match before its item is looked up.
type rankedHit struct {
	docid int64
	score float64
}

// rankedMatches runs one FTS4 query over at most rankCandidates matches
// and returns them best first, leaving out the docids in skip.
func (s *Store) rankedMatches(ctx context.Context, match string, skip map[int64]bool) ([]rankedHit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT docid, search_rank(matchinfo(search_index, 'pcnalx'))
		FROM search_index WHERE search_index MATCH ? LIMIT ?`, match, rankCandidates)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []rankedHit
	for rows.Next() {
		var h rankedHit
		if err := rows.Scan(&h.docid, &h.score); err != nil {
			return nil, err
		}
		if !skip[h.docid] {
			hits = append(hits, h)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].docid < hits[j].docid
	})
	return hits, nil
}

// identify turns ranked docids into items, keeping the order.
func (s *Store) identify(ctx context.Context, ranked []rankedHit) ([]SearchHit, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	args := make([]any, len(ranked))
	for i, h := range ranked {
		args[i] = h.docid
	}
	rows, err := s.db.QueryContext(ctx, `SELECT docid, kind, item_id FROM search_docs WHERE docid IN (`+
		strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byDoc := map[int64]SearchHit{}
	for rows.Next() {
		var docid int64
		var h SearchHit
		if err := rows.Scan(&docid, &h.Kind, &h.ID); err != nil {
			return nil, err
		}
		byDoc[docid] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]SearchHit, 0, len(ranked))
	for _, r := range ranked {
		if h, ok := byDoc[r.docid]; ok {
			h.Score = r.score
			out = append(out, h)
		}
	}
	return out, nil
}

// nameHits fills in the names of the hits, one query per kind.
func (s *Store) nameHits(ctx context.Context, hits []SearchHit) error {
	byKind := map[Kind][]string{}
	for _, h := range hits {
		byKind[h.Kind] = append(byKind[h.Kind], h.ID)
	}
	for kind, ids := range byKind {
		texts, err := s.texts(ctx, string(kind), ids, "name")
		if err != nil {
			return err
		}
		for i := range hits {
			if hits[i].Kind == kind {
				hits[i].Name = texts[hits[i].ID]["name"]
			}
		}
	}
	return nil
}

// queryTerms turns visitor input into FTS4 prefix terms, all required.
// Tokens hold only lower-case letters and digits, so nothing in the input
// can act as query syntax (quotes, brackets, '*', '-', NEAR, AND: operators
// are upper case only).
func queryTerms(query string) []string {
	tokens := searchTokens(query)
	if len(tokens) > maxQueryTokens {
		tokens = tokens[:maxQueryTokens]
	}
	var terms []string
	for _, t := range tokens {
		if r := []rune(t); len(r) > maxTokenRunes {
			t = string(r[:maxTokenRunes])
		}
		terms = append(terms, t+"*")
	}
	return terms
}

// matchIn is an FTS4 query for the terms in one column, or in any column.
func matchIn(column string, terms []string) string {
	if column == "" {
		return strings.Join(terms, " ")
	}
	return column + ":" + strings.Join(terms, " "+column+":")
}

// columnWeights rank a hit in a name above one in the place (village, craft,
// producer) above one in a description, in the order of the search_index columns.
var columnWeights = []float64{10, 4, 1}

// BM25's usual constants: how fast repeated hits stop counting, and how much
// a long text is discounted against a short one.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// searchRank scores one row from FTS4's matchinfo 'pcnalx' with BM25 over
// the weighted columns: a term counts more when it is rare in the catalogue,
// and a hit in a short name ("Bát Tràng") counts more than the same hit in a
// long one ("Bộ ấm chén Bát Tràng").
func searchRank(info []byte) float64 {
	n := len(info) / 4
	u := func(i int) float64 { return float64(binary.NativeEndian.Uint32(info[4*i:])) }
	if n < 3 {
		return 0
	}
	phrases, cols, docs := int(u(0)), int(u(1)), u(2)
	avgAt, lenAt, hitsAt := 3, 3+cols, 3+2*cols
	if n < hitsAt+3*phrases*cols {
		return 0
	}
	score := 0.0
	for p := 0; p < phrases; p++ {
		for c := 0; c < cols && c < len(columnWeights); c++ {
			base := hitsAt + 3*(p*cols+c)
			tf, docsWithHits := u(base), u(base+2)
			if tf == 0 {
				continue
			}
			idf := math.Log(1 + (docs-docsWithHits+0.5)/(docsWithHits+0.5))
			norm := 1 - bm25B + bm25B*u(lenAt+c)/math.Max(u(avgAt+c), 1)
			score += columnWeights[c] * idf * tf * (bm25K1 + 1) / (tf + bm25K1*norm)
		}
	}
	return score
}
