package data

import (
	"context"
	"fmt"
	"time"
)

// Stats summarises the loaded content for staff and scripts.
type Stats struct {
	PackTitle   string    `json:"pack_title"`
	PackVersion int       `json:"pack_version"`
	ImportedAt  time.Time `json:"imported_at"`
	Villages    int       `json:"villages"`
	Products    int       `json:"products"`
	Tours       int       `json:"tours"`
	Languages   []Lang    `json:"languages"` // languages with any text, in the kiosk's order
}

// Stats counts what is loaded.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	info, err := s.PackInfo(ctx)
	if err != nil {
		return Stats{}, err
	}
	st := Stats{PackTitle: info.Title, PackVersion: info.Version, ImportedAt: info.ImportedAt, Languages: []Lang{}}
	for table, n := range map[string]*int{"villages": &st.Villages, "products": &st.Products, "tours": &st.Tours} {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(n); err != nil {
			return st, fmt.Errorf("count %s: %w", table, err)
		}
	}
	present := map[Lang]bool{}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT lang FROM texts`)
	if err != nil {
		return st, fmt.Errorf("list languages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return st, err
		}
		present[Lang(l)] = true
	}
	for _, l := range Languages {
		if present[l] {
			st.Languages = append(st.Languages, l)
		}
	}
	return st, rows.Err()
}
