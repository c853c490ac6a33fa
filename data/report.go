package data

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// DayCount is a number for one calendar day.
type DayCount struct {
	Day   string `json:"day"` // YYYY-MM-DD
	Count int    `json:"count"`
}

// KeyCount is a number for one key: a QR kind, a language.
type KeyCount struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// ItemCount is how often a catalogue item was viewed.
type ItemCount struct {
	Kind  Kind   `json:"kind"`
	ID    string `json:"id"`
	Name  Text   `json:"name,omitempty"` // filled from the catalogue when the item still exists
	Count int    `json:"count"`
}

// SearchCount is how often visitors searched for a (folded) query.
type SearchCount struct {
	Query   string `json:"query"`
	Count   int    `json:"count"`
	Results int    `json:"results"` // result count of the latest such search
}

// Report is what visitors did over a period, per calendar day in the
// kiosk's time zone. Lists are never nil, so JSON shows [] rather than null.
type Report struct {
	From             string        `json:"from"` // YYYY-MM-DD, inclusive
	To               string        `json:"to"`
	Sessions         int           `json:"sessions"`
	SessionsPerDay   []DayCount    `json:"sessions_per_day"` // every day of the range, zeros included, in order
	TopProducts      []ItemCount   `json:"top_products"`     // views of product screens, most first
	TopVillages      []ItemCount   `json:"top_villages"`
	TopTours         []ItemCount   `json:"top_tours"`
	QRByKind         []KeyCount    `json:"qr_by_kind"`
	QRByLang         []KeyCount    `json:"qr_by_lang"`
	Languages        []KeyCount    `json:"languages"` // the language mix: screen views per visitor language
	TopSearches      []SearchCount `json:"top_searches"`
	NoResultSearches []SearchCount `json:"no_result_searches"` // searches that found nothing: what visitors wanted and did not find
}

// Report adds up the days from from to to, inclusive, each taken as the
// calendar day in its own location. The top lists hold at most top entries
// (all when top <= 0).
//
// It first adds any events not yet counted into the daily aggregates, then
// reads the aggregates only, so a day gives the same numbers whether its raw
// events are still kept or were pruned.
func (s *Store) Report(ctx context.Context, from, to time.Time, top int) (Report, error) {
	r := Report{From: from.Format(dateLayout), To: to.Format(dateLayout)}
	if r.To < r.From {
		return r, fmt.Errorf("report: the period ends (%s) before it starts (%s)", r.To, r.From)
	}
	if err := s.rollup(ctx); err != nil {
		return r, fmt.Errorf("report: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT day, metric, key, count, extra FROM daily_stats
		WHERE day BETWEEN ? AND ? ORDER BY day`, r.From, r.To)
	if err != nil {
		return r, fmt.Errorf("report: %w", err)
	}
	defer rows.Close()
	perDay := map[string]int{}
	sums := map[string]map[string]int{} // metric → key → count
	latest := map[string]int{}          // query → results of its latest day's latest search
	for rows.Next() {
		var day, metric, key string
		var count, extra int
		if err := rows.Scan(&day, &metric, &key, &count, &extra); err != nil {
			return r, fmt.Errorf("report: %w", err)
		}
		if metric == metricEvents && key == string(EventSessionStart) {
			perDay[day] += count
		}
		if metric == metricSearch {
			latest[key] = extra // rows come in day order, so the last one wins
		}
		if sums[metric] == nil {
			sums[metric] = map[string]int{}
		}
		sums[metric][key] += count
	}
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("report: %w", err)
	}

	r.SessionsPerDay = []DayCount{}
	start, _ := time.Parse(dateLayout, r.From)
	for d := start; d.Format(dateLayout) <= r.To; d = d.AddDate(0, 0, 1) {
		day := d.Format(dateLayout)
		r.SessionsPerDay = append(r.SessionsPerDay, DayCount{Day: day, Count: perDay[day]})
		r.Sessions += perDay[day]
	}
	for _, list := range []struct {
		kind Kind
		dst  *[]ItemCount
	}{{KindProduct, &r.TopProducts}, {KindVillage, &r.TopVillages}, {KindTour, &r.TopTours}} {
		if *list.dst, err = s.topItems(ctx, list.kind, sums[metricViewPrefix+string(list.kind)], top); err != nil {
			return r, fmt.Errorf("report: %w", err)
		}
	}
	r.QRByKind = keyCounts(sums[metricQRKind], 0)
	r.QRByLang = keyCounts(sums[metricQRLang], 0)
	r.Languages = keyCounts(sums[metricViewLang], 0)
	r.TopSearches = searchCounts(keyCounts(sums[metricSearch], top), latest)
	r.NoResultSearches = searchCounts(keyCounts(sums[metricNoResults], top), nil)
	return r, nil
}

// rollup adds the events not yet counted into daily_stats, in its own transaction.
func (s *Store) rollup(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := rollupEvents(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// keyCounts sorts counts most first (ties by key, so a report is the same
// every time) and keeps the first top (all when top <= 0).
func keyCounts(counts map[string]int, top int) []KeyCount {
	out := make([]KeyCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, KeyCount{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

func searchCounts(counts []KeyCount, latest map[string]int) []SearchCount {
	out := make([]SearchCount, len(counts))
	for i, c := range counts {
		out[i] = SearchCount{Query: c.Key, Count: c.Count, Results: latest[c.Key]}
	}
	return out
}

// topItems ranks the items of one kind and names those still in the catalogue.
func (s *Store) topItems(ctx context.Context, kind Kind, counts map[string]int, top int) ([]ItemCount, error) {
	ranked := keyCounts(counts, top)
	ids := make([]string, len(ranked))
	for i, c := range ranked {
		ids[i] = c.Key
	}
	texts, err := s.texts(ctx, string(kind), ids, "name")
	if err != nil {
		return nil, err
	}
	out := make([]ItemCount, len(ranked))
	for i, c := range ranked {
		out[i] = ItemCount{Kind: kind, ID: c.Key, Name: texts[c.Key]["name"], Count: c.Count}
	}
	return out, nil
}
