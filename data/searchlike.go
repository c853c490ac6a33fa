package data

import (
	"context"
	"fmt"
	"strings"
)

// SearchByScan finds the same items as Search, without the index: every
// query word must appear somewhere in an item's folded text, found with a
// plain LIKE '%word%' over every row. It exists as the baseline the
// benchmarks compare Search with; the kiosk does not use it.
// It counts every match, as ranking them would need, rather than stopping
// at the first few.
func (s *Store) SearchByScan(ctx context.Context, query string) (int, error) {
	tokens := searchTokens(query)
	if len(tokens) == 0 {
		return 0, nil
	}
	if len(tokens) > maxQueryTokens {
		tokens = tokens[:maxQueryTokens]
	}
	var conds []string
	var args []any
	for _, t := range tokens {
		conds = append(conds, `terms LIKE ?`)
		args = append(args, "%"+t+"%")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT docid FROM search_terms WHERE `+strings.Join(conds, " AND "), args...)
	if err != nil {
		return 0, fmt.Errorf("scan search %q: %w", query, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	return n, rows.Err()
}
