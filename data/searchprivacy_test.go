package data_test

import (
	"path/filepath"
	"slices"
	"testing"

	"ocopkiosk/data"
)

func TestKeepQuery(t *testing.T) {
	for q, want := range map[string]bool{
		"bat trang": true, "gom 5 sao": true, "ocop 2024": false, "0912345678": false,
		"0912 345 678": false, "09.12.34.56.78": false, "+84 912 345 678": false, "(024) 3826": false,
		"123 gom": true, "gom 12 34": false, "gom 12 cai": true, "so 1 2 3 4": false, "lụa ٠١٢٣": false, "": true,
	} {
		if got := data.KeepQuery(q); got != want {
			t.Errorf("KeepQuery(%q) = %v, want %v", q, got, want)
		}
	}
}

// A phone number typed into search is counted as a search but its text is
// never stored, in the raw events or the dashboard's counts; word-like
// queries are kept, and pruned with the raw events.
func TestSearchQueriesKeptOnlyIfWordLikeAndPruned(t *testing.T) {
	st := openStore(t)
	old, recent := at("2026-05-01 09:00"), at("2026-06-29 09:00")
	evs := []data.Event{
		{At: old, Session: 1, Kind: data.EventSearch, Query: "bat trang", Results: 4},
		{At: old, Session: 1, Kind: data.EventSearch, Query: "0912 345 678", Results: 0},
		{At: recent, Session: 2, Kind: data.EventSearch, Query: "lua", Results: 3},
		{At: recent, Session: 2, Kind: data.EventSearch, Query: "0912345678", Results: 0},
	}
	if err := st.RecordEvents(ctx, evs); err != nil {
		t.Fatal(err)
	}
	var stored int
	if err := rawDB(t, st).QueryRow(`SELECT count(*) FROM events WHERE query GLOB '*[0-9]*'`).Scan(&stored); err != nil || stored != 0 {
		t.Errorf("%d raw events hold a number (%v)", stored, err)
	}
	r, err := st.Report(ctx, old, recent, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.TopSearches) != 2 || len(r.NoResultSearches) != 0 {
		t.Errorf("before pruning: top %v, no results %v; want bat trang and lua only", r.TopSearches, r.NoResultSearches)
	}
	if _, err := st.PruneEvents(ctx, at("2026-06-30 12:00"), 30); err != nil {
		t.Fatal(err)
	}
	r, err = st.Report(ctx, old, recent, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.TopSearches) != 1 || r.TopSearches[0].Query != "lua" {
		t.Errorf("after pruning: %v; want lua only (bat trang was searched before the 30 days kept)", r.TopSearches)
	}
	var left int
	if err := rawDB(t, st).QueryRow(`SELECT count(*) FROM daily_stats WHERE key GLOB '*[0-9][0-9][0-9][0-9]*'`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d daily counts hold a number (%v)", left, err)
	}
}

// Migration 007 forgets the numbers that earlier versions kept, and narrows
// an allow-list entry for all of www.google.com to Maps: run again
// over a database holding them, it blanks the raw queries and deletes the
// daily counts.
func TestMigrationForgetsStoredNumbers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, st)
	for _, q := range []string{
		`INSERT INTO events (at, day, session, kind, screen, item_kind, item_id, lang, qr_kind, query, results)
		 VALUES ('2026-05-01T09:00:00.000Z', '2026-05-01', 1, 'search', '', '', '', 'vi', '', 'goi 0912345678', 0),
		        ('2026-05-01T09:00:01.000Z', '2026-05-01', 1, 'search', '', '', '', 'vi', '', 'bat trang', 3)`,
		`INSERT INTO daily_stats (day, metric, key, count, extra) VALUES ('2026-04-01', 'search', '0912345678', 1, 0),
		 ('2026-04-01', 'search_none', 'stk 1903123456', 1, 0), ('2026-04-01', 'search', 'lua', 2, 1)`,
		`INSERT OR REPLACE INTO settings (key, value) VALUES ('allowed_hosts', '["shopee.vn","www.google.com","tiki.vn"]')`,
		`DELETE FROM schema_migrations WHERE name = '007_privacy_and_links.sql'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st, err = data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var numbers, words int
	db = rawDB(t, st)
	db.QueryRow(`SELECT (SELECT count(*) FROM events WHERE query GLOB '*[0-9]*') + (SELECT count(*) FROM daily_stats WHERE key GLOB '*[0-9]*')`).Scan(&numbers)
	db.QueryRow(`SELECT (SELECT count(*) FROM events WHERE query = 'bat trang') + (SELECT count(*) FROM daily_stats WHERE key = 'lua')`).Scan(&words)
	if numbers != 0 || words != 2 {
		t.Errorf("after the migration: %d numbers left, %d of 2 word queries kept", numbers, words)
	}
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"shopee.vn", "www.google.com/maps/", "tiki.vn"}; !slices.Equal(set.AllowedHosts, want) {
		t.Errorf("allow-list after the migration: %q, want %q", set.AllowedHosts, want)
	}
}
