package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
)

// formulaQuery is what a visitor might type to make a spreadsheet run a command.
const formulaQuery = "=cmd|' /C calc'!A0"

// recordVisits writes three sessions' events straight into the database at db.
func recordVisits(t *testing.T, db string) {
	t.Helper()
	st, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := func(day string, hour int) time.Time {
		d, err := time.ParseInLocation(dateLayout, day, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return d.Add(time.Duration(hour) * time.Hour)
	}
	product := data.Event{Kind: data.EventView, Screen: "product", ItemKind: data.KindProduct, ItemID: "bt-lotus-tea-set"}
	village := data.Event{Kind: data.EventView, Screen: "village", ItemKind: data.KindVillage, ItemID: "bat-trang"}
	events := []data.Event{
		{At: at("2026-05-01", 9), Session: 1, Kind: data.EventSessionStart, Lang: data.VI},
		{At: at("2026-05-01", 10), Session: 2, Kind: data.EventSessionStart, Lang: data.EN},
		{At: at("2026-05-02", 11), Session: 3, Kind: data.EventSessionStart, Lang: data.KO},
		{At: at("2026-05-02", 12), Session: 3, Kind: data.EventSearch, Lang: data.KO, Query: formulaQuery, Results: 0},
		{At: at("2026-05-02", 12), Session: 3, Kind: data.EventSearch, Lang: data.KO, Query: "-1+2", Results: 0},
		{At: at("2026-05-02", 12), Session: 3, Kind: data.EventSearch, Lang: data.KO, Query: "gom", Results: 7},
		{At: at("2026-05-02", 13), Session: 3, Kind: data.EventQR, Lang: data.KO, QRKind: "buy",
			ItemKind: data.KindProduct, ItemID: "bt-lotus-tea-set"},
	}
	for _, e := range []data.Event{product, product, village} {
		e.At, e.Session, e.Lang = at("2026-05-01", 10), 2, data.EN
		events = append(events, e)
	}
	if err := st.RecordEvents(context.Background(), events); err != nil {
		t.Fatal(err)
	}
}

func TestReportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	recordVisits(t, db)
	period := []string{"report", "--db", db, "--from", "2026-05-01", "--to", "2026-05-03"}

	out, errOut, code := ocopkiosk(t, append(period, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r data.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.From != "2026-05-01" || r.To != "2026-05-03" || r.Sessions != 3 || len(r.SessionsPerDay) != 3 ||
		r.SessionsPerDay[0].Count != 2 || r.SessionsPerDay[1].Count != 1 || r.SessionsPerDay[2].Count != 0 {
		t.Errorf("sessions: %d, %+v", r.Sessions, r.SessionsPerDay)
	}
	if len(r.TopProducts) != 1 || r.TopProducts[0].ID != "bt-lotus-tea-set" || r.TopProducts[0].Count != 2 ||
		r.TopProducts[0].Name.In(data.VI) != "Bộ ấm chén men rạn vẽ sen" {
		t.Errorf("top products: %+v", r.TopProducts)
	}
	if len(r.TopVillages) != 1 || r.TopVillages[0].ID != "bat-trang" || len(r.QRByKind) != 1 || r.QRByKind[0] != (data.KeyCount{Key: "buy", Count: 1}) {
		t.Errorf("villages %+v, QR %+v", r.TopVillages, r.QRByKind)
	}
	if len(r.NoResultSearches) != 2 || len(r.TopSearches) != 3 {
		t.Errorf("searches %+v, no results %+v", r.TopSearches, r.NoResultSearches)
	}
	if !strings.Contains(out, `"sessions_per_day"`) || !strings.Contains(out, `"no_result_searches"`) {
		t.Errorf("JSON keys are not snake_case:\n%s", out)
	}

	out, errOut, code = ocopkiosk(t, append(period, "--format", "csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\ufeffsection,day_or_key,kind,id,name,count,results\r\n") {
		t.Fatalf("CSV does not start with a BOM and the header:\n%q", out[:min(len(out), 80)])
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Error("CSV lines do not all end in CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	find := func(section, key string) []string {
		for _, row := range rows {
			if row[0] == section && row[1] == key {
				return row
			}
		}
		t.Errorf("no %s row for %q in:\n%s", section, key, out)
		return make([]string, 7)
	}
	if row := find("sessions", "2026-05-01/2026-05-03"); row[5] != "3" {
		t.Errorf("sessions row %q", row)
	}
	if row := find("sessions_per_day", "2026-05-01"); row[5] != "2" {
		t.Errorf("2026-05-01 row %q", row)
	}
	if row := find("top_products", ""); row[3] != "bt-lotus-tea-set" || row[4] != "Bộ ấm chén men rạn vẽ sen" || row[5] != "2" {
		t.Errorf("product row %q", row)
	}
	if row := find("top_searches", "gom"); row[5] != "1" || row[6] != "7" {
		t.Errorf("search row %q", row)
	}
	find("no_result_searches", "'"+formulaQuery)
	find("no_result_searches", "'-1+2")
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula in Excel", cell)
			}
		}
	}
}

func TestReportCommandDefaultsAndErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kiosk.db")
	out, errOut, code := ocopkiosk(t, "report", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r data.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	today := time.Now().Format(dateLayout)
	if r.To != today || len(r.SessionsPerDay) != 31 || r.Sessions != 0 || r.TopProducts == nil {
		t.Errorf("default period: %s to %s, %d days, %+v", r.From, r.To, len(r.SessionsPerDay), r)
	}
	for _, args := range [][]string{
		{"--from", "1/5/2026"},
		{"--to", "2026-13-01"},
		{"--format", "xlsx"},
		{"--from", "2026-05-02", "--to", "2026-05-01"},
	} {
		if _, _, code := ocopkiosk(t, append([]string{"report", "--db", db}, args...)...); code == 0 {
			t.Errorf("report %q was accepted", args)
		}
	}
	if _, _, code := ocopkiosk(t, "report", "--db", db, "extra"); code != 2 {
		t.Errorf("report with an argument: exit %d, want 2", code)
	}
}
