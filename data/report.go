package data

import (
	"container/heap"
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
	totals, err := NewReportTotals(from, to)
	if err != nil {
		return Report{From: from.Format(dateLayout), To: to.Format(dateLayout)}, err
	}
	stats, err := s.DailyStats(ctx, totals.from, totals.to)
	if err != nil {
		return Report{}, fmt.Errorf("report: %w", err)
	}
	for _, d := range stats {
		totals.Add(d)
	}
	return totals.Report(top, s.ItemNames(ctx))
}

// ItemNames names catalogue items from the store.
func (s *Store) ItemNames(ctx context.Context) ItemNames {
	return func(kind Kind, ids []string) (map[string]Text, error) {
		texts, err := s.texts(ctx, string(kind), ids, "name")
		if err != nil {
			return nil, err
		}
		out := make(map[string]Text, len(texts))
		for id, t := range texts {
			out[id] = t["name"]
		}
		return out, nil
	}
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
// every time) and keeps the first top (all when top <= 0). With a top much
// smaller than the counts (a fleet's 20,000 products, top 20) it keeps a
// small heap instead of sorting them all.
func keyCounts(counts map[string]int, top int) []KeyCount {
	before := func(a, b KeyCount) bool {
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Key < b.Key
	}
	var out []KeyCount
	if top > 0 && len(counts) > 4*top {
		h := &keyHeap{before: before}
		for k, n := range counts {
			c := KeyCount{Key: k, Count: n}
			if len(h.items) < top {
				heap.Push(h, c)
			} else if before(c, h.items[0]) {
				h.items[0] = c
				heap.Fix(h, 0)
			}
		}
		out = h.items
	} else {
		out = make([]KeyCount, 0, len(counts))
		for k, n := range counts {
			out = append(out, KeyCount{Key: k, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return before(out[i], out[j]) })
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

// keyHeap holds the best counts so far, the worst of them on top.
type keyHeap struct {
	items  []KeyCount
	before func(a, b KeyCount) bool
}

func (h *keyHeap) Len() int           { return len(h.items) }
func (h *keyHeap) Less(i, j int) bool { return h.before(h.items[j], h.items[i]) }
func (h *keyHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *keyHeap) Push(x any)         { h.items = append(h.items, x.(KeyCount)) }
func (h *keyHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

func searchCounts(counts []KeyCount, latest map[string]int) []SearchCount {
	out := make([]SearchCount, len(counts))
	for i, c := range counts {
		out[i] = SearchCount{Query: c.Key, Count: c.Count, Results: latest[c.Key]}
	}
	return out
}
