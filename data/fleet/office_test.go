package fleet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
)

func writeStatus(t *testing.T, hub Hub, s Status) {
	t.Helper()
	os.MkdirAll(hub.Kiosk(s.KioskID), 0o755)
	if err := os.WriteFile(hub.Status(s.KioskID), mustJSON(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeEvents(t *testing.T, hub Hub, id, day string, rows []data.DailyStat) {
	t.Helper()
	os.MkdirAll(filepath.Dir(hub.Events(id, day)), 0o755)
	os.WriteFile(hub.Events(id, day), marshalEvents(rows), 0o644)
}

func TestFleetStatusFlagsSilentOldAndDamaged(t *testing.T) {
	hub := newHub(t)
	_, priv := testKey(t)
	publish(t, hub, testPack(t, 7, 2), priv, PublishOptions{PackID: "dec"})
	now := time.Now()
	// An expired v9 in the hub: no kiosk can take it, so none is behind.
	publish(t, hub, testPack(t, 9, 2), priv, PublishOptions{PackID: "gone", Now: now.Add(-48 * time.Hour), Expires: now.Add(-time.Hour)})
	// Old packs left in the hub, refused by a kiosk on v7: history.
	writeStatus(t, hub, Status{KioskID: "k-history", Centre: "a", PackID: "dec", PackVersion: 7, WrittenAt: now,
		Refused: []Refusal{{Folder: "jun", PackID: "jun", Version: 3, Reason: ReasonExpired, Message: "pack jun v3: expired"},
			{Folder: "old-key", PackID: "old-key", Version: 2, Reason: ReasonUnknownKey, Message: "pack old-key v2: signature by an unknown key"}}})
	writeStatus(t, hub, Status{KioskID: "k-ok", Centre: "a", PackID: "dec", PackVersion: 7, WrittenAt: now.Add(-time.Minute)})
	writeStatus(t, hub, Status{KioskID: "k-silent", Centre: "a", PackVersion: 7, WrittenAt: now.Add(-2 * time.Hour)})
	writeStatus(t, hub, Status{KioskID: "k-old", Centre: "b", PackVersion: 6, WrittenAt: now,
		Refused: []Refusal{{Folder: "x", Reason: ReasonExpired, Message: "pack x v3: expired"}}})
	os.MkdirAll(hub.Kiosk("k-broken"), 0o755)
	os.WriteFile(hub.Status("k-broken"), []byte(`{"kiosk_id": "k-broken", "written_at": "2026-11-`), 0o644)

	fs, err := ReadFleetStatus(hub, now)
	if err != nil {
		t.Fatal(err)
	}
	flags := map[string]string{}
	for _, k := range fs.Kiosks {
		flags[k.KioskID] = strings.Join(k.Flags, "; ")
	}
	want := map[string]string{"k-ok": "", "k-history": "", "k-silent": "silent for 2h0m0s", "k-old": "on an old pack (v6; v7 is published for it); refused 1 pack(s)", "k-broken": "no readable status"}
	for id, w := range want {
		if flags[id] != w {
			t.Errorf("%s flagged %q, want %q", id, flags[id], w)
		}
	}
	if len(fs.Warnings) != 1 || !strings.Contains(fs.Warnings[0], filepath.Join("k-broken", "status.json")) {
		t.Errorf("warnings %q should name the damaged file", fs.Warnings)
	}
}

func TestFleetReportAddsKiosksAndSkipsDamagedFiles(t *testing.T) {
	hub := newHub(t)
	writeStatus(t, hub, Status{KioskID: "k1", Centre: "a", WrittenAt: time.Now()})
	writeStatus(t, hub, Status{KioskID: "k2", Centre: "b", WrittenAt: time.Now()})
	sessions := func(day string, n int) []data.DailyStat {
		return []data.DailyStat{{Day: day, Metric: "events", Key: "session_start", Count: n},
			{Day: day, Metric: "view_product", Key: "p1", Count: n * 2}}
	}
	writeEvents(t, hub, "k1", "2026-11-01", sessions("2026-11-01", 10))
	writeEvents(t, hub, "k1", "2026-11-02", sessions("2026-11-02", 5))
	writeEvents(t, hub, "k2", "2026-11-01", sessions("2026-11-01", 7))
	writeEvents(t, hub, "k2", "2026-10-01", sessions("2026-10-01", 1000)) // outside the period
	// Damaged on the way: cut in the middle of a line.
	b := marshalEvents(sessions("2026-11-02", 100))
	os.WriteFile(hub.Events("k2", "2026-11-02"), b[:len(b)-12], 0o644)

	from, _ := time.Parse("2006-01-02", "2026-11-01")
	to, _ := time.Parse("2006-01-02", "2026-11-30")
	r, err := ReadFleetReport(hub, from, to, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total.Sessions != 22 || r.Centres["a"].Sessions != 15 || r.Centres["b"].Sessions != 7 {
		t.Errorf("sessions: total %d, a %d, b %d; want 22, 15, 7", r.Total.Sessions, r.Centres["a"].Sessions, r.Centres["b"].Sessions)
	}
	if len(r.Total.TopProducts) != 1 || r.Total.TopProducts[0].Count != 44 {
		t.Errorf("top products %+v", r.Total.TopProducts)
	}
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0], filepath.Join("k2", "events", "2026-11-02.csv")) {
		t.Errorf("warnings %q should name the damaged file", r.Warnings)
	}
}

// TestEventsGoToTheHubAndSurviveAnOutage: the kiosk's daily totals reach
// its hub folder, and days recorded while the hub was away are written once
// it is back.
func TestEventsGoToTheHubAndSurviveAnOutage(t *testing.T) {
	ctx := context.Background()
	pub, _ := testKey(t)
	hub := Hub(filepath.Join(t.TempDir(), "hub"))
	s := testKiosk(t, hub, "a", pub)
	now := time.Now()
	days := []time.Time{now.AddDate(0, 0, -3), now.AddDate(0, 0, -1), now}
	for i, d := range days {
		s.Store.RecordEvents(ctx, []data.Event{{At: d, Session: int64(i + 1), Kind: data.EventSessionStart}})
	}
	if err := s.exportEvents(ctx, 90); err == nil {
		t.Error("events written with the hub missing")
	}
	os.MkdirAll(string(hub), 0o755) // the office is back
	if err := s.exportEvents(ctx, 90); err != nil {
		t.Fatal(err)
	}
	r, err := ReadFleetReport(hub, now.AddDate(0, 0, -10), now, 0, nil)
	if err != nil || r.Total.Sessions != 3 || r.Files != 3 {
		t.Errorf("report after the outage: %d sessions in %d files (%v); want 3 in 3", r.Total.Sessions, r.Files, err)
	}
}

func TestEventsFileRoundTripWithQuotes(t *testing.T) {
	rows := []data.DailyStat{{Day: "2026-11-02", Metric: "search", Key: `gốm, "bát tràng"`, Count: 2, Extra: 5},
		{Day: "2026-11-02", Metric: "events", Key: "session_start", Count: 9}}
	got, err := parseEvents(marshalEvents(rows), "2026-11-02")
	if err != nil || len(got) != 2 || got[0] != rows[0] || got[1] != rows[1] {
		t.Errorf("round trip: %+v, %v", got, err)
	}
	for _, bad := range []string{"", "day,metric\n", "day,metric,key,count,extra\n2026-11-02,events,x,many,0\n",
		"day,metric,key,count,extra\n2026-11-03,events,x,1,0\n"} {
		if _, err := parseEvents([]byte(bad), "2026-11-02"); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
