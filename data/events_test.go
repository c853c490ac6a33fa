package data_test

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"ocopkiosk/data"
)

// hanoi is the kiosk's time zone in these tests, set on the times they pass
// so that they do not depend on the machine's.
var hanoi = time.FixedZone("ICT", 7*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, hanoi)
	if err != nil {
		panic(err)
	}
	return t
}

// scriptedVisits are three visitor sessions over two days; the second starts
// at 23:30 and the third at 00:30 local time, which in UTC are the same day.
func scriptedVisits() []data.Event {
	var evs []data.Event
	add := func(when string, session int64, lang data.Lang, e data.Event) {
		e.At, e.Session, e.Lang = at(when), session, lang
		evs = append(evs, e)
	}
	view := func(kind data.Kind, id string) data.Event {
		return data.Event{Kind: data.EventView, Screen: string(kind), ItemKind: kind, ItemID: id}
	}
	search := func(q string, n int) data.Event { return data.Event{Kind: data.EventSearch, Query: q, Results: n} }
	qr := func(qrKind string, kind data.Kind, id string) data.Event {
		return data.Event{Kind: data.EventQR, QRKind: qrKind, ItemKind: kind, ItemID: id}
	}

	add("2026-05-01 10:00", 1, data.VI, data.Event{Kind: data.EventSessionStart})
	add("2026-05-01 10:00", 1, data.VI, data.Event{Kind: data.EventView, Screen: "home"})
	add("2026-05-01 10:01", 1, data.EN, data.Event{Kind: data.EventLanguage})
	add("2026-05-01 10:01", 1, data.EN, view(data.KindProduct, "bt-vase"))
	add("2026-05-01 10:02", 1, data.EN, view(data.KindProduct, "bt-vase"))
	add("2026-05-01 10:03", 1, data.EN, view(data.KindProduct, "vp-scarf"))
	add("2026-05-01 10:04", 1, data.EN, view(data.KindVillage, "bat-trang"))
	add("2026-05-01 10:05", 1, data.EN, view(data.KindTour, "bt-workshop"))
	add("2026-05-01 10:06", 1, data.EN, qr("buy", data.KindProduct, "bt-vase"))
	add("2026-05-01 10:07", 1, data.EN, search("bat trang", 3))
	add("2026-05-01 10:08", 1, data.EN, search("xyz", 0))
	add("2026-05-01 10:10", 1, data.EN, data.Event{Kind: data.EventSessionEnd})

	add("2026-05-01 23:30", 2, data.KO, data.Event{Kind: data.EventSessionStart})
	add("2026-05-01 23:31", 2, data.KO, view(data.KindProduct, "vp-scarf"))
	add("2026-05-01 23:32", 2, data.KO, search("bat trang", 2))
	add("2026-05-01 23:33", 2, data.KO, qr("signup", data.KindTour, "bt-workshop"))
	add("2026-05-01 23:34", 2, data.KO, view(data.KindProduct, "gone-product"))

	add("2026-05-02 00:30", 3, data.JA, data.Event{Kind: data.EventSessionStart})
	add("2026-05-02 00:31", 3, data.JA, search("xyz", 0))
	add("2026-05-02 00:32", 3, data.JA, view(data.KindProduct, "bt-vase"))
	add("2026-05-02 00:33", 3, data.JA, qr("pay", data.KindProduct, "bt-vase"))
	return evs
}

func TestEventsReportAndSurvivePruning(t *testing.T) {
	st := loaded(t)
	if err := st.RecordEvents(ctx, scriptedVisits()); err != nil {
		t.Fatal(err)
	}
	from, to := at("2026-05-01 00:00"), at("2026-05-03 00:00")
	got, err := st.Report(ctx, from, to, 10)
	if err != nil {
		t.Fatal(err)
	}
	cat := fixture()
	want := data.Report{
		From: "2026-05-01", To: "2026-05-03", Sessions: 3,
		SessionsPerDay: []data.DayCount{{"2026-05-01", 2}, {"2026-05-02", 1}, {"2026-05-03", 0}},
		TopProducts: []data.ItemCount{
			{data.KindProduct, "bt-vase", cat.Products[0].Name, 3},
			{data.KindProduct, "vp-scarf", cat.Products[2].Name, 2},
			{data.KindProduct, "gone-product", nil, 1}, // no longer in the catalogue
		},
		TopVillages:      []data.ItemCount{{data.KindVillage, "bat-trang", cat.Villages[0].Name, 1}},
		TopTours:         []data.ItemCount{{data.KindTour, "bt-workshop", cat.Tours[0].Name, 1}},
		QRByKind:         []data.KeyCount{{"buy", 1}, {"pay", 1}, {"signup", 1}},
		QRByLang:         []data.KeyCount{{"en", 1}, {"ja", 1}, {"ko", 1}},
		Languages:        []data.KeyCount{{"en", 5}, {"ko", 2}, {"ja", 1}, {"vi", 1}},
		TopSearches:      []data.SearchCount{{"bat trang", 2, 2}, {"xyz", 2, 0}},
		NoResultSearches: []data.SearchCount{{"xyz", 2, 0}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("report:\n got %+v\nwant %+v", got, want)
	}

	// A shorter period counts only its days; top cuts the lists.
	day2, err := st.Report(ctx, at("2026-05-02 12:00"), at("2026-05-02 12:00"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if day2.Sessions != 1 || len(day2.SessionsPerDay) != 1 || len(day2.TopProducts) != 1 ||
		day2.TopProducts[0].ID != "bt-vase" || day2.TopProducts[0].Count != 1 || len(day2.TopVillages) != 0 {
		t.Errorf("report of 2026-05-02: %+v", day2)
	}

	deleted, err := st.PruneEvents(ctx, at("2026-09-01 00:00"), 90)
	if err != nil {
		t.Fatal(err)
	}
	if deleted != len(scriptedVisits()) {
		t.Errorf("pruned %d events, want all %d", deleted, len(scriptedVisits()))
	}
	if n := countEvents(t, st); n != 0 {
		t.Fatalf("%d raw events left after pruning", n)
	}
	again, err := st.Report(ctx, from, to, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Everything survives pruning but what visitors typed into search,
	// which goes with the raw events (searchprivacy.go).
	want.TopSearches, want.NoResultSearches = []data.SearchCount{}, []data.SearchCount{}
	if !reflect.DeepEqual(again, want) {
		t.Errorf("report after pruning differs:\n got %+v\nwant %+v", again, want)
	}

	// An event that arrives late for a pruned day adds to its aggregates
	// rather than replacing them.
	if err := st.RecordEvents(ctx, []data.Event{{At: at("2026-05-01 12:00"), Session: 9, Kind: data.EventSessionStart}}); err != nil {
		t.Fatal(err)
	}
	late, err := st.Report(ctx, from, to, 10)
	if err != nil {
		t.Fatal(err)
	}
	if late.Sessions != 4 || late.SessionsPerDay[0].Count != 3 || !reflect.DeepEqual(late.TopProducts, want.TopProducts) {
		t.Errorf("after a late event: %+v", late)
	}
}

func TestPruneEventsKeepsRecentDays(t *testing.T) {
	st := openStore(t)
	now := at("2026-06-30 12:00")
	var evs []data.Event
	for d := 0; d < 10; d++ {
		evs = append(evs, data.Event{At: now.AddDate(0, 0, -d), Session: int64(d), Kind: data.EventSessionStart})
	}
	if err := st.RecordEvents(ctx, evs); err != nil {
		t.Fatal(err)
	}
	deleted, err := st.PruneEvents(ctx, now, 3)
	if err != nil {
		t.Fatal(err)
	}
	// Days 0 to 3 back are kept: day 3 is exactly 3 days old, not older.
	if deleted != 6 || countEvents(t, st) != 4 {
		t.Errorf("deleted %d, %d left; want 6 deleted, 4 left", deleted, countEvents(t, st))
	}
	if again, err := st.PruneEvents(ctx, now, 3); err != nil || again != 0 {
		t.Errorf("second prune deleted %d (%v)", again, err)
	}
	r, err := st.Report(ctx, now.AddDate(0, 0, -9), now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Sessions != 10 || len(r.SessionsPerDay) != 10 {
		t.Errorf("report after pruning: %d sessions over %d days, want 10 over 10", r.Sessions, len(r.SessionsPerDay))
	}
	if _, err := st.PruneEvents(ctx, now, -1); err == nil {
		t.Error("a negative keepDays was accepted")
	}
}

func TestEventQueriesAreStoredAsGiven(t *testing.T) {
	st := openStore(t)
	when := at("2026-05-01 09:00")
	queries := []string{"Bát Tràng", data.Fold("Bát Tràng"), "  gốm  ", "=cmd|' /C calc'!A0"}
	var evs []data.Event
	for i, q := range queries {
		evs = append(evs, data.Event{At: when, Session: 1, Kind: data.EventSearch, Query: q, Results: i})
	}
	if err := st.RecordEvents(ctx, evs); err != nil {
		t.Fatal(err)
	}
	r, err := st.Report(ctx, when, when, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, s := range r.TopSearches {
		got[s.Query] = s.Results
	}
	for i, q := range queries {
		if n, ok := got[q]; !ok || n != i {
			t.Errorf("query %q: stored %v, results %d; all: %v", q, ok, n, r.TopSearches)
		}
	}
	if len(got) != len(queries) {
		t.Errorf("queries stored: %v", r.TopSearches)
	}
}

func TestRecordEventsRefusesAnUnknownKind(t *testing.T) {
	st := openStore(t)
	err := st.RecordEvents(ctx, []data.Event{{Kind: data.EventView}, {Kind: "tap"}})
	if err == nil || !strings.Contains(err.Error(), `"tap"`) {
		t.Errorf("err = %v", err)
	}
	if n := countEvents(t, st); n != 0 {
		t.Errorf("%d events written from a bad batch", n)
	}
	if _, err := st.Report(ctx, at("2026-05-02 00:00"), at("2026-05-01 00:00"), 0); err == nil {
		t.Error("a report ending before it starts was accepted")
	}
}

func TestRecorderWritesEverythingFromManyGoroutines(t *testing.T) {
	st := openStore(t)
	rec := data.NewRecorder(st, data.RecorderOptions{BatchSize: 50, FlushEvery: 5 * time.Millisecond})
	var wg sync.WaitGroup
	for g := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				rec.Record(data.Event{Session: int64(g), Kind: data.EventView, Screen: fmt.Sprint("screen-", i)})
			}
		}()
	}
	wg.Wait()
	rec.Flush()
	if n := countEvents(t, st); n != 1000 || rec.Dropped() != 0 {
		t.Errorf("%d events written, %d dropped; want 1000 and 0", n, rec.Dropped())
	}

	// Close flushes; Record and Flush after Close do nothing.
	rec.Record(data.Event{Kind: data.EventSessionEnd})
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	rec.Record(data.Event{Kind: data.EventSessionEnd})
	rec.Flush()
	if n := countEvents(t, st); n != 1001 {
		t.Errorf("%d events after Close, want 1001", n)
	}
}

func TestRecorderNeverBlocksOnASlowDatabase(t *testing.T) {
	st := openStore(t)
	// Another connection holds SQLite's write lock, as a long import would.
	db := rawDB(t, st)
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	rec := data.NewRecorder(st, data.RecorderOptions{BatchSize: 1, Buffer: 4, FlushEvery: time.Millisecond})
	defer rec.Close()
	recorded := make(chan struct{})
	go func() {
		defer close(recorded)
		for i := range 1000 {
			rec.Record(data.Event{Session: int64(i), Kind: data.EventSessionStart})
		}
	}()
	select {
	case <-recorded:
	case <-time.After(2 * time.Second):
		conn.ExecContext(ctx, "COMMIT")
		t.Fatal("Record blocked while the database was locked")
	}
	if rec.Dropped() == 0 {
		t.Error("nothing dropped with a 4-event buffer and a locked database")
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	rec.Flush()
	if n := countEvents(t, st); int64(n)+rec.Dropped() != 1000 {
		t.Errorf("%d written + %d dropped != 1000", n, rec.Dropped())
	}
}

func TestRecorderCountsAFailedBatchAsDropped(t *testing.T) {
	st := openStore(t)
	var mu sync.Mutex
	var reported []error
	rec := data.NewRecorder(st, data.RecorderOptions{OnError: func(err error) {
		mu.Lock()
		defer mu.Unlock()
		reported = append(reported, err)
	}})
	rec.Record(data.Event{Kind: data.EventView})
	rec.Record(data.Event{Kind: "bogus"})
	err := rec.Close()
	if err == nil || rec.Dropped() != 2 {
		t.Errorf("Close: %v, %d dropped; want an error and 2", err, rec.Dropped())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(reported) != 1 || !errors.Is(err, reported[0]) {
		t.Errorf("OnError heard %v", reported)
	}
}

// rawDB opens the store's file directly, beside the store's own connections.
func rawDB(t *testing.T, st *data.Store) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+st.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func countEvents(t *testing.T, st *data.Store) int {
	t.Helper()
	var n int
	if err := rawDB(t, st).QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
