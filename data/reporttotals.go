package data

import (
	"context"
	"fmt"
	"time"
)

// DailyStat is one row of the daily aggregates: for one day, metric and key
// (a screen, an item id, a language, a query), how many events, and the
// metric's second number (the result count of the day's latest search).
// The fleet writes them to the hub as a kiosk's events file, and adds them
// up across kiosks with ReportTotals.
type DailyStat struct {
	Day    string // YYYY-MM-DD
	Metric string
	Key    string
	Count  int
	Extra  int
}

// DailyStats returns the daily aggregates of the days from to to (YYYY-MM-DD,
// inclusive), ordered by day, metric and key, after adding any events not yet
// counted.
func (s *Store) DailyStats(ctx context.Context, from, to string) ([]DailyStat, error) {
	if err := s.rollup(ctx); err != nil {
		return nil, fmt.Errorf("daily stats: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT day, metric, key, count, extra FROM daily_stats
		WHERE day BETWEEN ? AND ? ORDER BY day, metric, key`, from, to)
	if err != nil {
		return nil, fmt.Errorf("daily stats: %w", err)
	}
	defer rows.Close()
	var out []DailyStat
	for rows.Next() {
		var d DailyStat
		if err := rows.Scan(&d.Day, &d.Metric, &d.Key, &d.Count, &d.Extra); err != nil {
			return nil, fmt.Errorf("daily stats: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ReportTotals adds up daily aggregates, from one kiosk or from many, into
// a Report: the one place a report's numbers are computed.
type ReportTotals struct {
	from, to  string
	perDay    map[string]int            // sessions per day
	sums      map[string]map[string]int // metric → key → count
	latest    map[string]int            // query → results of its latest search
	latestDay map[string]string         // query → the day latest is from

	// The last metric's counts: rows come grouped by metric, so this saves
	// a map lookup for most rows (it matters over a fleet's millions).
	lastMetric string
	lastSums   map[string]int
}

// NewReportTotals starts totals for the days from from to to, inclusive,
// each the calendar day in its own location.
func NewReportTotals(from, to time.Time) (*ReportTotals, error) {
	t := &ReportTotals{from: from.Format(dateLayout), to: to.Format(dateLayout),
		perDay: map[string]int{}, sums: map[string]map[string]int{},
		latest: map[string]int{}, latestDay: map[string]string{}}
	if t.to < t.from {
		return nil, fmt.Errorf("report: the period ends (%s) before it starts (%s)", t.to, t.from)
	}
	return t, nil
}

// Add counts one row; rows of days outside the period are left out.
func (t *ReportTotals) Add(d DailyStat) {
	if d.Day < t.from || d.Day > t.to {
		return
	}
	if d.Metric == metricEvents && d.Key == string(EventSessionStart) {
		t.perDay[d.Day] += d.Count
	}
	if d.Metric == metricSearch && d.Day >= t.latestDay[d.Key] {
		t.latest[d.Key], t.latestDay[d.Key] = d.Extra, d.Day
	}
	if d.Metric != t.lastMetric || t.lastSums == nil {
		t.lastMetric, t.lastSums = d.Metric, t.sums[d.Metric]
		if t.lastSums == nil {
			t.lastSums = map[string]int{}
			t.sums[d.Metric] = t.lastSums
		}
	}
	t.lastSums[d.Key] += d.Count
}

// Merge adds o's counts into t; both must be for the same period. Totals
// made in parallel (per kiosk, per centre) are merged this way.
func (t *ReportTotals) Merge(o *ReportTotals) {
	for day, n := range o.perDay {
		t.perDay[day] += n
	}
	for metric, keys := range o.sums {
		dst := t.sums[metric]
		if dst == nil {
			dst = make(map[string]int, len(keys))
			t.sums[metric] = dst
		}
		for k, n := range keys {
			dst[k] += n
		}
	}
	for q, day := range o.latestDay {
		if day >= t.latestDay[q] {
			t.latest[q], t.latestDay[q] = o.latest[q], day
		}
	}
	t.lastSums = nil
}

// ItemNames gives the names of catalogue items of one kind by id; a
// missing id has no name.
type ItemNames func(kind Kind, ids []string) (map[string]Text, error)

// Report makes the report, with at most top entries per top list (all when
// top <= 0), naming items through names when it is not nil.
func (t *ReportTotals) Report(top int, names ItemNames) (Report, error) {
	r := Report{From: t.from, To: t.to, SessionsPerDay: []DayCount{}}
	start, _ := time.Parse(dateLayout, r.From)
	for d := start; d.Format(dateLayout) <= r.To; d = d.AddDate(0, 0, 1) {
		day := d.Format(dateLayout)
		r.SessionsPerDay = append(r.SessionsPerDay, DayCount{Day: day, Count: t.perDay[day]})
		r.Sessions += t.perDay[day]
	}
	for _, list := range []struct {
		kind Kind
		dst  *[]ItemCount
	}{{KindProduct, &r.TopProducts}, {KindVillage, &r.TopVillages}, {KindTour, &r.TopTours}} {
		ranked := keyCounts(t.sums[metricViewPrefix+string(list.kind)], top)
		ids := make([]string, len(ranked))
		for i, c := range ranked {
			ids[i] = c.Key
		}
		var texts map[string]Text
		if names != nil {
			var err error
			if texts, err = names(list.kind, ids); err != nil {
				return r, fmt.Errorf("report: %w", err)
			}
		}
		*list.dst = make([]ItemCount, len(ranked))
		for i, c := range ranked {
			(*list.dst)[i] = ItemCount{Kind: list.kind, ID: c.Key, Name: texts[c.Key], Count: c.Count}
		}
	}
	r.QRByKind = keyCounts(t.sums[metricQRKind], 0)
	r.QRByLang = keyCounts(t.sums[metricQRLang], 0)
	r.Languages = keyCounts(t.sums[metricViewLang], 0)
	r.TopSearches = searchCounts(keyCounts(t.sums[metricSearch], top), t.latest)
	r.NoResultSearches = searchCounts(keyCounts(t.sums[metricNoResults], top), nil)
	return r, nil
}
