package data

import (
	"context"
	"fmt"
	"strings"
)

// ProductFilter narrows the product list. Zero values mean "any".
type ProductFilter struct {
	Group     Group
	Stars     int
	VillageID string
	Featured  bool
	Offset    int
	Limit     int // 0 means DefaultPageSize
}

// DefaultPageSize is how many products a page holds when the filter does not say.
const DefaultPageSize = 60

// ProductPage is one page of a filtered product list.
type ProductPage struct {
	Products []Product
	Total    int // how many products match the filter, over all pages
}

// ListProducts returns a page of the products that match f, in pack order
// (the order staff gave them in products.csv), which is stable across calls.
// Listed products carry the texts a tile shows (name and unit); Product
// gives one with all of them.
func (s *Store) ListProducts(ctx context.Context, f ProductFilter) (ProductPage, error) {
	var conds []string
	var args []any
	if f.Group != 0 {
		conds, args = append(conds, "ocop_group = ?"), append(args, int(f.Group))
	}
	if f.Stars != 0 {
		conds, args = append(conds, "stars = ?"), append(args, f.Stars)
	}
	if f.VillageID != "" {
		conds, args = append(conds, "village_id = ?"), append(args, f.VillageID)
	}
	if f.Featured {
		conds = append(conds, "featured = 1")
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	var page ProductPage
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM products `+where, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count products: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	var err error
	page.Products, err = s.queryProducts(ctx, true, where+" ORDER BY position LIMIT ? OFFSET ?",
		append(args, limit, max(f.Offset, 0))...)
	return page, err
}
