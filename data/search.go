package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

// SearchHit is one item found by Search, with what a result row shows.
type SearchHit struct {
	Kind  Kind
	ID    string
	Name  Text
	Image Image   // the item's first photo, if it has one
	Score float64 // higher is better
}

// SearchQuery is what a visitor typed, in which language's keyboard, and
// which part of the ranked results to return.
type SearchQuery struct {
	Text   string
	Lang   Lang // the visitor's language: pinyin is read only for Chinese
	Offset int
	Limit  int // 0: DefaultHitsLimit
}

// SearchResults are one page of the ranked matches and how many there are.
type SearchResults struct {
	Total int
	Hits  []SearchHit
}

// Limits that keep any visitor input cheap: a 1,000-character paste is cut
// to its first words.
const (
	maxQueryTokens   = 8
	maxQueryTerms    = 16 // a whole Japanese name typed in kana is some 15 pairs
	maxTokenRunes    = 32
	DefaultHitsLimit = 50
)

// Search finds villages, products and tours whose texts, in any language,
// hold every word of query as a word prefix, ignoring case and Vietnamese
// marks; it returns the best limit of them. See Find.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	res, err := s.Find(ctx, SearchQuery{Text: query, Limit: limit})
	return res.Hits, err
}

// Find searches the catalogue as a visitor types: every word of the query
// must match (a Latin or Hangul word as the start of a word, Chinese and
// kana as pairs of characters). "bat tr", "battrang", "도자", "とうき",
// "taoci", "tc" all find what a visitor would expect. Best matches come
// first: a word in a name counts more than one of the craft's vocabulary,
// the village or the producer, which count more than one in a
// description; a whole word more than its start. Total counts every match.
// Any input is safe; input with no letters or digits finds nothing.
func (s *Store) Find(ctx context.Context, q SearchQuery) (SearchResults, error) {
	terms, runs := parseQuery(q.Text)
	if len(terms) == 0 {
		return SearchResults{}, nil
	}
	ix, err := s.searchIndex(ctx)
	if err != nil {
		return SearchResults{}, fmt.Errorf("search %q: %w", q.Text, err)
	}
	matches := ix.search(terms, runs, q.Lang)
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultHitsLimit
	}
	res := SearchResults{Total: len(matches)}
	page := topMatches(matches, q.Offset, limit)
	hits := make([]SearchHit, len(page))
	described := true
	for i, m := range page {
		item := ix.items[m.item]
		hits[i] = SearchHit{Kind: item.kind, ID: item.id, Name: item.row.name, Image: item.row.image, Score: float64(m.score)}
		described = described && len(item.row.name) > 0
	}
	if !described {
		// An index made from the stored tokens (after migration 005)
		// has no names: read them.
		if err := s.describeHits(ctx, hits); err != nil {
			return res, fmt.Errorf("search %q: %w", q.Text, err)
		}
	}
	res.Hits = hits
	return res, nil
}

// rankOrder puts the best score first and, among equals, the catalogue's
// order (villages, products, tours, each as the pack lists them).
func rankOrder(a, b ranked) int {
	switch {
	case a.score > b.score:
		return -1
	case a.score < b.score:
		return 1
	}
	return int(a.item) - int(b.item)
}

// topMatches returns matches[offset:offset+limit] in rank order, sorting
// only as far as needed: a common word matches thousands of items, and a
// visitor sees the first screenful.
func topMatches(m []ranked, offset, limit int) []ranked {
	end := min(len(m), offset+limit)
	if offset >= end {
		return nil
	}
	selectTop(m, end)
	top := m[:end]
	slices.SortFunc(top, rankOrder)
	return top[offset:end]
}

// selectTop moves the k best of m to its front, in no order (quickselect).
func selectTop(m []ranked, k int) {
	lo, hi := 0, len(m)-1
	for lo < hi && k < len(m) {
		pivot := m[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for rankOrder(m[i], pivot) < 0 {
				i++
			}
			for rankOrder(m[j], pivot) > 0 {
				j--
			}
			if i <= j {
				m[i], m[j] = m[j], m[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// describeHits fills in the names and first photos of the hits: products
// from their cards, villages and tours from their texts and photos.
func (s *Store) describeHits(ctx context.Context, hits []SearchHit) error {
	byKind := map[Kind][]string{}
	for _, h := range hits {
		byKind[h.Kind] = append(byKind[h.Kind], h.ID)
	}
	names := map[Kind]map[string]Text{}
	images := map[Kind]map[string][]Image{}
	for kind, ids := range byKind {
		names[kind], images[kind] = map[string]Text{}, map[string][]Image{}
		if kind == KindProduct {
			if err := s.productCards(ctx, ids, names[kind], images[kind]); err != nil {
				return err
			}
			continue
		}
		texts, err := s.texts(ctx, string(kind), ids, "name")
		if err != nil {
			return err
		}
		for id, t := range texts {
			names[kind][id] = t["name"]
		}
		if images[kind], err = s.itemImages(ctx, kind, ids); err != nil {
			return err
		}
	}
	for i := range hits {
		h := &hits[i]
		h.Name = names[h.Kind][h.ID]
		if imgs := images[h.Kind][h.ID]; len(imgs) > 0 {
			h.Image = imgs[0]
		}
	}
	return nil
}

func (s *Store) productCards(ctx context.Context, ids []string, names map[string]Text, images map[string][]Image) error {
	where, args := inList("id", ids)
	rows, err := s.db.QueryContext(ctx, `SELECT id, card FROM products WHERE `+where, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, card string
		if err := rows.Scan(&id, &card); err != nil {
			return err
		}
		var c productCardJSON
		if err := json.Unmarshal([]byte(card), &c); err != nil {
			return fmt.Errorf("product %s: its card: %w", id, err)
		}
		names[id], images[id] = c.Name, c.Images
	}
	return rows.Err()
}

// searchState holds the in-memory index and the pack it was built from.
type searchState struct {
	mu    sync.Mutex
	index *memIndex
	pack  string // the imported_at of the pack it holds
}

// WarmSearch builds the search index now rather than at the first search:
// the kiosk calls it once its first screen is drawn.
func (s *Store) WarmSearch(ctx context.Context) error {
	_, err := s.searchIndex(ctx)
	return err
}

// searchIndex returns the index of the catalogue now in the database,
// building it when a pack has been imported since (by this process or by a
// staff command beside the kiosk).
func (s *Store) searchIndex(ctx context.Context) (*memIndex, error) {
	var pack string
	err := s.db.QueryRowContext(ctx, `SELECT imported_at FROM pack`).Scan(&pack)
	if err != nil && err != sql.ErrNoRows {
		return nil, err
	}
	st := &s.search
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.index != nil && st.pack == pack {
		return st.index, nil
	}
	var blob []byte
	err = s.db.QueryRowContext(ctx, `SELECT data FROM search_blob WHERE id = 1`).Scan(&blob)
	switch {
	case err == nil:
		ix, err := unmarshalIndex(blob)
		if err == nil {
			st.index, st.pack = ix, pack
			return ix, nil
		}
		// A damaged blob: the items' tokens make the index again.
	case err != sql.ErrNoRows:
		return nil, err
	}
	docs, err := s.readSearchTerms(ctx)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		// A database from before migration 005 has its catalogue but no
		// search text yet: make it once, as an import would.
		if docs, err = s.rebuildSearchTerms(ctx); err != nil {
			return nil, err
		}
	}
	st.index, st.pack = newMemIndex(docs), pack
	return st.index, nil
}

func (s *Store) readSearchTerms(ctx context.Context) ([]searchDocument, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, item_id, terms FROM search_terms ORDER BY docid`)
	if err != nil {
		return nil, fmt.Errorf("read the search index: %w", err)
	}
	defer rows.Close()
	var docs []searchDocument
	for rows.Next() {
		var d searchDocument
		var terms string
		if err := rows.Scan(&d.kind, &d.id, &terms); err != nil {
			return nil, fmt.Errorf("read the search index: %w", err)
		}
		d.fields = decodeFields(terms)
		docs = append(docs, d)
	}
	return docs, rows.Err()
}

// rebuildSearchTerms makes the search text of the catalogue in the store.
func (s *Store) rebuildSearchTerms(ctx context.Context) ([]searchDocument, error) {
	defer releaseReadingTools()
	cat, err := s.LoadCatalogue(ctx)
	if err != nil || len(cat.Villages) == 0 {
		return nil, err
	}
	readings := make(map[string]Readings, len(cat.Products))
	for _, p := range cat.Products {
		readings[p.ID] = makeReadings(p.Name, p.Reading)
	}
	docs := catalogueFields(cat, readings)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("make the search index: %w", err)
	}
	defer tx.Rollback()
	w := catalogueWriter{ctx: ctx, tx: tx}
	w.exec(`DELETE FROM search_terms`)
	w.exec(`DELETE FROM search_blob`)
	for _, p := range cat.Products {
		r := readings[p.ID]
		w.texts(string(KindProduct), p.ID, map[string]Text{"reading": {JA: r.Kana, ZH: r.Pinyin}})
	}
	w.flushTexts()
	w.writeSearchTerms(docs)
	w.exec(`INSERT INTO search_blob (id, data) VALUES (1, ?)`, newMemIndex(docs).marshal())
	if w.err != nil {
		return nil, fmt.Errorf("make the search index: %w", w.err)
	}
	return docs, tx.Commit()
}
