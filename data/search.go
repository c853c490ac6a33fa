package data

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
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
	match := matchExpression(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultHitsLimit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT d.kind, d.item_id, search_rank(matchinfo(search_index, 'pcnalx')) AS score
		FROM search_index JOIN search_docs d ON d.docid = search_index.docid
		WHERE search_index MATCH ?
		ORDER BY score DESC, d.kind, d.item_id LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	defer rows.Close()
	var hits []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.Kind, &h.ID, &h.Score); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, s.nameHits(ctx, hits)
}

// nameHits fills in the names of the hits, one query per kind.
func (s *Store) nameHits(ctx context.Context, hits []SearchHit) error {
	byKind := map[Kind][]string{}
	for _, h := range hits {
		byKind[h.Kind] = append(byKind[h.Kind], h.ID)
	}
	for kind, ids := range byKind {
		texts, err := s.texts(ctx, string(kind), ids)
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

// matchExpression turns visitor input into an FTS4 query: each folded token
// becomes a prefix term, all of them required. Tokens hold only lower-case
// letters and digits, so nothing in the input can act as query syntax
// (quotes, brackets, '*', '-', NEAR, AND: operators are upper case only).
func matchExpression(query string) string {
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
	return strings.Join(terms, " ")
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
