package data_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// damagePage overwrites the middle of one page with garbage.
func damagePage(t *testing.T, path string, page int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 256))
	if _, err := f.WriteAt(junk, (page-1)*4096); err != nil {
		t.Fatal(err)
	}
}

// rootPage is the first page of a table, read from the schema.
func rootPage(t *testing.T, path, table string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int64
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_master WHERE name = ?`, table).Scan(&page); err != nil {
		t.Fatal(err)
	}
	return page
}

// A rebuilt database keeps the staff PIN, the settings, the analytics and
// the audit log that could still be read from the damaged one: a kiosk
// must not come back from a recovery without its PIN.
func TestRecoveryCarriesThePINSettingsAndAnalyticsOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pack.Import(ctx, st, examplePack, pack.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPIN(ctx, "482916"); err != nil {
		t.Fatal(err)
	}
	settings := data.DefaultSettings()
	settings.IdleTimeout = 4 * time.Minute
	settings.AllowedHosts = append(settings.AllowedHosts, "example.org")
	if err := st.SaveSettings(ctx, settings); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.RecordEvents(ctx, []data.Event{{At: now, Session: 1, Kind: data.EventSessionStart}}); err != nil {
		t.Fatal(err)
	}
	if err := st.Audit(ctx, data.AuditImport, data.OutcomeOK, "example pack"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// Damage the products table only, as a torn write to one page would.
	damagePage(t, path, rootPage(t, path, "products"))
	if _, err := data.Open(path); err == nil {
		t.Fatal("the damaged database opened without complaint; the test damaged nothing")
	}

	st, rec, err := data.OpenOrRecover(path, func(st *data.Store) (string, error) {
		_, err := pack.Import(ctx, st, examplePack, pack.Options{})
		return "the example pack", err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if !rec.Happened || !strings.Contains(rec.Carried, "staff_pin: 1") || !strings.Contains(rec.Carried, "settings") {
		t.Errorf("recovery = %+v", rec)
	}
	if r, err := st.CheckPIN(ctx, "482916"); err != nil || !r.OK {
		t.Errorf("the old PIN after a recovery: %+v, %v", r, err)
	}
	got, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.IdleTimeout != 4*time.Minute || !strings.Contains(strings.Join(got.AllowedHosts, " "), "example.org") {
		t.Errorf("settings after a recovery: %+v", got)
	}
	rep, err := st.Report(ctx, now.Add(-time.Hour), now.Add(time.Hour), 10)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sessions != 1 {
		t.Errorf("sessions after a recovery = %d, want 1", rep.Sessions)
	}
	log, err := st.AuditLog(ctx, time.Time{}, time.Time{}, 0)
	if err != nil || len(log) != 1 || log[0].Detail != "example pack" {
		t.Errorf("audit log after a recovery = %+v, %v", log, err)
	}
	if note, _ := st.RecoveryNote(ctx); note.Carried != rec.Carried {
		t.Errorf("the note says carried %q, want %q", note.Carried, rec.Carried)
	}
}
