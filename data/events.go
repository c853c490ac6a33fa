package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"unicode/utf8"
)

// EventKind names what a visitor did.
type EventKind string

// The kinds of visitor event. Events are anonymous: no personal data, no
// photos, no device ids.
const (
	EventSessionStart EventKind = "session_start"
	EventSessionEnd   EventKind = "session_end" // at the idle reset
	EventView         EventKind = "view"        // Screen set; ItemKind/ItemID set for detail screens
	EventQR           EventKind = "qr"          // QRKind ("buy","signup","directions","pay"), ItemKind, ItemID, Lang
	EventLanguage     EventKind = "language"    // Lang = the language switched to
	EventSearch       EventKind = "search"      // Query (already folded by the caller with data.Fold), Results
)

var eventKinds = map[EventKind]bool{
	EventSessionStart: true, EventSessionEnd: true, EventView: true,
	EventQR: true, EventLanguage: true, EventSearch: true,
}

// Event is one anonymous thing a visitor did at the kiosk.
type Event struct {
	At       time.Time // its calendar day is taken in At's own location; time.Now() gives the kiosk's
	Session  int64     // a counter the kiosk increments per visitor session; not a device id
	Kind     EventKind
	Screen   string
	ItemKind Kind // KindProduct etc., or ""
	ItemID   string
	Lang     Lang // the visitor's language when it happened
	QRKind   string
	Query    string
	Results  int
}

// DefaultEventKeepDays is how long raw events are kept unless the kiosk is
// configured otherwise; their daily aggregates are kept for good.
const DefaultEventKeepDays = 90

// maxQueryRunes bounds a stored search query. Aggregates are kept forever,
// keyed by query, so a visitor leaning on the keyboard must not make them grow
// without bound; no real search is this long.
const maxQueryRunes = 100

// eventTimeLayout stores times in UTC at a fixed width, so that comparing the
// text compares the times.
const eventTimeLayout = "2006-01-02T15:04:05.000Z07:00"

// RecordEvents writes a batch in one transaction. An event without a time
// gets the store's clock. A kind it does not know fails the whole batch: that
// is a bug in the caller, not something a visitor can cause.
func (s *Store) RecordEvents(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	for _, e := range events {
		if !eventKinds[e.Kind] {
			return fmt.Errorf("record events: unknown event kind %q", e.Kind)
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO events
		(at, day, session, kind, screen, item_kind, item_id, lang, qr_kind, query, results)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	defer stmt.Close()
	for _, e := range events {
		at := e.At
		if at.IsZero() {
			at = s.Now()
		}
		if !KeepQuery(e.Query) {
			e.Query = "" // a number typed into search is not kept (searchprivacy.go)
		}
		if _, err := stmt.ExecContext(ctx, at.UTC().Format(eventTimeLayout), at.Format(dateLayout), e.Session,
			string(e.Kind), e.Screen, string(e.ItemKind), e.ItemID, string(e.Lang), e.QRKind,
			truncateRunes(e.Query, maxQueryRunes), e.Results); err != nil {
			return fmt.Errorf("record events: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record events: %w", err)
	}
	return nil
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}

// PruneEvents first makes sure every day that still has raw events has its
// daily aggregates, then deletes raw events older than keepDays days before
// now, and the daily counts of search queries of those days. The other
// aggregates are kept forever. Returns how many raw events were deleted.
// Both happen in one transaction, so no event is ever deleted uncounted.
func (s *Store) PruneEvents(ctx context.Context, now time.Time, keepDays int) (int, error) {
	if keepDays < 0 {
		return 0, fmt.Errorf("prune events: keep %d days: must not be negative", keepDays)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	defer tx.Rollback()
	if err := rollupEvents(ctx, tx); err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	cutoff := now.AddDate(0, 0, -keepDays).UTC().Format(eventTimeLayout)
	res, err := tx.ExecContext(ctx, `DELETE FROM events WHERE at < ?`, cutoff)
	if err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	// What visitors searched for goes with the raw events; the other daily
	// counts hold no text a visitor typed and are kept.
	cutoffDay := now.AddDate(0, 0, -keepDays).Format(dateLayout)
	if _, err := tx.ExecContext(ctx, `DELETE FROM daily_stats WHERE metric IN (?, ?) AND day < ?`,
		metricSearch, metricNoResults, cutoffDay); err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("prune events: %w", err)
	}
	return int(n), nil
}

// The daily metrics. Each is a count of events per day and key; the report
// reads some of them, the others are kept because once raw events are pruned
// they are the only record left.
const (
	metricEvents     = "events"      // key: event kind (sessions are the session_start count)
	metricScreen     = "screen"      // key: screen viewed
	metricViewPrefix = "view_"       // + item kind, key: item id viewed
	metricQRKind     = "qr_kind"     // key: QR kind shown
	metricQRLang     = "qr_lang"     // key: language of the visitor shown a QR code
	metricQRPrefix   = "qr_"         // + item kind, key: item id whose QR code was shown
	metricViewLang   = "view_lang"   // key: visitor language of a screen view
	metricSwitchLang = "language"    // key: language switched to
	metricSearch     = "search"      // key: folded query; extra: result count of the latest one
	metricNoResults  = "search_none" // key: folded query that found nothing
)

// pendingEvents are the events not yet added into daily_stats.
const pendingEvents = `(SELECT * FROM events WHERE id > (SELECT counted FROM events_rollup WHERE id = 1))`

// rollupStatements add the pending events into daily_stats, one metric each.
// They add to what is there, so events recorded late for a day whose raw
// events were already pruned still count.
var rollupStatements = []string{
	rollupCount(`'`+metricEvents+`'`, `kind`, `1`),
	rollupCount(`'`+metricScreen+`'`, `screen`, `kind = 'view' AND screen <> ''`),
	rollupCount(`'`+metricViewPrefix+`' || item_kind`, `item_id`,
		`kind = 'view' AND item_kind IN ('village', 'product', 'tour') AND item_id <> ''`),
	rollupCount(`'`+metricQRKind+`'`, `qr_kind`, `kind = 'qr'`),
	rollupCount(`'`+metricQRLang+`'`, `lang`, `kind = 'qr'`),
	rollupCount(`'`+metricQRPrefix+`' || item_kind`, `item_id`,
		`kind = 'qr' AND item_kind IN ('village', 'product', 'tour') AND item_id <> ''`),
	rollupCount(`'`+metricViewLang+`'`, `lang`, `kind = 'view'`),
	rollupCount(`'`+metricSwitchLang+`'`, `lang`, `kind = 'language'`),
	rollupCount(`'`+metricNoResults+`'`, `query`, `kind = 'search' AND results = 0 AND query <> ''`),
	// "Latest" is the last recorded: pending events always come after the
	// ones already counted, so the new extra replaces the old.
	`INSERT INTO daily_stats (day, metric, key, count, extra)
		SELECT p.day, '` + metricSearch + `', p.query, count(*),
			(SELECT l.results FROM ` + pendingEvents + ` l
			 WHERE l.day = p.day AND l.kind = 'search' AND l.query = p.query ORDER BY l.id DESC LIMIT 1)
		FROM ` + pendingEvents + ` p WHERE p.kind = 'search' AND p.query <> '' GROUP BY p.day, p.query
		ON CONFLICT (day, metric, key) DO UPDATE SET count = count + excluded.count, extra = excluded.extra`,
	`UPDATE events_rollup SET counted = max(counted, coalesce((SELECT max(id) FROM events), 0)) WHERE id = 1`,
}

func rollupCount(metric, key, where string) string {
	return `INSERT INTO daily_stats (day, metric, key, count, extra)
		SELECT day, ` + metric + `, ` + key + `, count(*), 0 FROM ` + pendingEvents + `
		WHERE ` + where + ` GROUP BY 1, 2, 3
		ON CONFLICT (day, metric, key) DO UPDATE SET count = count + excluded.count`
}

// rollupEvents adds the events not yet counted into daily_stats and marks
// them counted, inside tx. It is idempotent: running it again adds nothing.
// Its first statement writes, so tx holds SQLite's write lock from the start
// and no event can slip in between counting and marking.
func rollupEvents(ctx context.Context, tx *sql.Tx) error {
	for _, q := range rollupStatements {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("add up events: %w", err)
		}
	}
	return nil
}
