// Package ui is the visitor kiosk: the screens a visitor touches, the
// language switch, drag scrolling, the idle reset and the attract loop. It
// reads content through the narrow Catalog interface and runs no SQL.
package ui

import (
	"context"

	"ocopkiosk/data"
	"ocopkiosk/data/media"
)

// Catalog is what the kiosk needs from the content store. *data.Store
// satisfies it; tests may use the real store on a temporary file.
type Catalog interface {
	PackCentre(ctx context.Context) (data.Centre, error)
	Villages(ctx context.Context) ([]data.Village, error)
	Village(ctx context.Context, id string) (data.Village, error)
	Product(ctx context.Context, id string) (data.Product, error)
	ListProducts(ctx context.Context, f data.ProductFilter) (data.ProductPage, error)
	Tours(ctx context.Context, villageID string) ([]data.Tour, error)
	Tour(ctx context.Context, id string) (data.Tour, error)
	Find(ctx context.Context, q data.SearchQuery) (data.SearchResults, error)
	Photos() media.Library
}

var _ Catalog = (*data.Store)(nil)
