package data_test

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"ocopkiosk/data"
)

// custom is a valid set of settings unlike the defaults in every field.
func custom() data.Settings {
	return data.Settings{
		CentreID:           "hn-hoan-kiem_01",
		CentreName:         data.Text{data.VI: "Điểm bán OCOP Hoàn Kiếm", data.EN: "Hoan Kiem OCOP showroom"},
		DefaultLang:        data.EN,
		Languages:          []data.Lang{data.EN, data.VI, data.KO},
		IdleTimeout:        2*time.Minute + 30*time.Second,
		AttractInterval:    10 * time.Second,
		AllowedHosts:       []string{"shopee.vn", "*.hanoi.gov.vn", "xn--hni-1ka.vn"},
		EventRetentionDays: 365,
		StaffLang:          data.EN, // not the visitors' offer: staff mode may speak a language visitors are not offered
	}
}

func TestDefaultSettings(t *testing.T) {
	def := data.DefaultSettings()
	if errs := def.Validate(); errs != nil {
		t.Fatalf("the defaults are not valid:\n%v", errs)
	}
	if def.DefaultLang != data.VI || !slices.Equal(def.Languages, data.Languages) || def.IdleTimeout != 90*time.Second ||
		def.AttractInterval != 6*time.Second || !slices.Equal(def.AllowedHosts, data.DefaultAllowedHosts) ||
		def.EventRetentionDays != 90 || def.CentreID != "" || len(def.CentreName) != 0 {
		t.Errorf("DefaultSettings() = %+v", def)
	}
	// Callers may change what they get without changing the defaults.
	def.AllowedHosts[0] = "evil.example"
	def.Languages[0] = data.JA
	if data.DefaultAllowedHosts[0] != "shopee.vn" || data.Languages[0] != data.VI {
		t.Error("DefaultSettings shares its slices with the package's")
	}

	// A new store without a pack has exactly the defaults.
	st := openStore(t)
	got, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := data.DefaultSettings(); !reflect.DeepEqual(got, want) {
		t.Errorf("new store's Settings() =\n%+v\nwant\n%+v", got, want)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, custom()); err != nil {
		t.Fatal(err)
	}
	// Saved settings are there at once, for the kiosk to apply without a
	// restart...
	if got, err := st.Settings(ctx); err != nil || !reflect.DeepEqual(got, custom()) {
		t.Errorf("Settings() = %+v, %v\nwant %+v", got, err, custom())
	}
	st.Close()
	// ...and after one.
	st, err = data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.Settings(ctx); err != nil || !reflect.DeepEqual(got, custom()) {
		t.Errorf("after reopening: Settings() = %+v, %v\nwant %+v", got, err, custom())
	}
	// Saving again replaces every field.
	if err := st.SaveSettings(ctx, data.DefaultSettings()); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Settings(ctx); !reflect.DeepEqual(got, data.DefaultSettings()) {
		t.Errorf("after saving the defaults: %+v", got)
	}
}

func TestSaveSettingsRefusesInvalidFields(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*data.Settings)
		field  string
		msg    string // part of the message
	}{
		{"centre id with a space", func(s *data.Settings) { s.CentreID = "hn 01" }, "CentreID", "letters, digits, - and _"},
		{"centre id too long", func(s *data.Settings) { s.CentreID = strings.Repeat("a", 65) }, "CentreID", "up to 64"},
		{"centre id starting with -", func(s *data.Settings) { s.CentreID = "-hn" }, "CentreID", "starting with a letter or digit"},
		{"centre name in an unknown language", func(s *data.Settings) { s.CentreName = data.Text{"fr": "Salle"} }, "CentreName", `"fr" is not a visitor language`},
		{"centre name too long", func(s *data.Settings) { s.CentreName = data.Text{data.VI: strings.Repeat("ạ", 101)} }, "CentreName", "at most 100"},
		{"default language not offered", func(s *data.Settings) { s.DefaultLang = data.JA }, "DefaultLang", "not one of the languages offered"},
		{"default language unknown", func(s *data.Settings) { s.DefaultLang = "fr" }, "DefaultLang", `"fr" is not a visitor language`},
		{"default language in upper case", func(s *data.Settings) { s.DefaultLang = "EN" }, "DefaultLang", "not a visitor language"},
		{"staff language unknown", func(s *data.Settings) { s.StaffLang = "fr" }, "StaffLang", `"fr" is not one of the kiosk's languages`},
		{"no languages", func(s *data.Settings) { s.Languages = nil; s.DefaultLang = data.VI }, "Languages", "at least one"},
		{"unknown language", func(s *data.Settings) { s.Languages = append(s.Languages, "de") }, "Languages", `"de" is not a visitor language`},
		{"language twice", func(s *data.Settings) { s.Languages = append(s.Languages, data.VI) }, "Languages", "vi is listed twice"},
		{"idle timeout too short", func(s *data.Settings) { s.IdleTimeout = 29 * time.Second }, "IdleTimeout", "between 30 s and 10 min; got 29 s"},
		{"idle timeout too long", func(s *data.Settings) { s.IdleTimeout = 31 * time.Minute }, "IdleTimeout", "got 31 min"},
		{"idle timeout zero", func(s *data.Settings) { s.IdleTimeout = 0 }, "IdleTimeout", "between 30 s and 10 min"},
		{"attract interval too short", func(s *data.Settings) { s.AttractInterval = 1500 * time.Millisecond }, "AttractInterval", "between 2 s and 1 min; got 1.5s"},
		{"attract interval too long", func(s *data.Settings) { s.AttractInterval = 61 * time.Second }, "AttractInterval", "got 1 min 1 s"},
		{"no hosts", func(s *data.Settings) { s.AllowedHosts = []string{} }, "AllowedHosts", "at least one host"},
		{"host with a scheme", func(s *data.Settings) { s.AllowedHosts = []string{"https://shopee.vn"} }, "AllowedHosts", "without https://"},
		{"host with a path not ending in /", func(s *data.Settings) { s.AllowedHosts = []string{"shopee.vn/shop"} }, "AllowedHosts", "does not end with /"},
		{"path prefix with ..", func(s *data.Settings) { s.AllowedHosts = []string{"www.google.com/maps/../"} }, "AllowedHosts", ". or .."},
		{"wildcard over a public suffix", func(s *data.Settings) { s.AllowedHosts = []string{"*.com.vn"} }, "AllowedHosts", "shared by many unrelated sites"},
		{"wildcard over a private suffix", func(s *data.Settings) { s.AllowedHosts = []string{"*.github.io"} }, "AllowedHosts", "shared by many unrelated sites"},
		{"host with a port", func(s *data.Settings) { s.AllowedHosts = []string{"shopee.vn:443"} }, "AllowedHosts", "without a port"},
		{"host in upper case", func(s *data.Settings) { s.AllowedHosts = []string{"Shopee.vn"} }, "AllowedHosts", "lower case"},
		{"host without a dot", func(s *data.Settings) { s.AllowedHosts = []string{"localhost"} }, "AllowedHosts", "has no dot"},
		{"wildcard over a whole country", func(s *data.Settings) { s.AllowedHosts = []string{"*.vn"} }, "AllowedHosts", "too wide"},
		{"wildcard in the middle", func(s *data.Settings) { s.AllowedHosts = []string{"shop.*.vn"} }, "AllowedHosts", `leading "*."`},
		{"bare star", func(s *data.Settings) { s.AllowedHosts = []string{"*"} }, "AllowedHosts", "only as a leading"},
		{"host with an empty label", func(s *data.Settings) { s.AllowedHosts = []string{"shopee..vn"} }, "AllowedHosts", "empty part"},
		{"host with a trailing dot", func(s *data.Settings) { s.AllowedHosts = []string{"shopee.vn."} }, "AllowedHosts", "empty part"},
		{"host with a hyphen at a label's end", func(s *data.Settings) { s.AllowedHosts = []string{"shopee-.vn"} }, "AllowedHosts", "hyphen"},
		{"host with a space", func(s *data.Settings) { s.AllowedHosts = []string{"shopee.vn "} }, "AllowedHosts", "only the letters a to z"},
		{"host not in ASCII", func(s *data.Settings) { s.AllowedHosts = []string{"hànội.vn"} }, "AllowedHosts", "xn--"},
		{"empty host", func(s *data.Settings) { s.AllowedHosts = []string{"tiki.vn", ""} }, "AllowedHosts", `"" is empty`},
		{"retention too short", func(s *data.Settings) { s.EventRetentionDays = 6 }, "EventRetentionDays", "between 7 and 3650 days; got 6"},
		{"retention too long", func(s *data.Settings) { s.EventRetentionDays = 3651 }, "EventRetentionDays", "got 3651"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := openStore(t)
			if err := st.SaveSettings(ctx, custom()); err != nil {
				t.Fatal(err)
			}
			bad := custom()
			tc.change(&bad)
			errs := bad.Validate()
			if len(errs) != 1 || errs[0].Field != tc.field || !strings.Contains(errs[0].Message, tc.msg) {
				t.Errorf("Validate() = %#v\nwant one error for %s saying %q", errs, tc.field, tc.msg)
			}
			err := st.SaveSettings(ctx, bad)
			var saveErrs data.SettingsErrors
			if !errors.As(err, &saveErrs) || !reflect.DeepEqual(saveErrs, errs) {
				t.Errorf("SaveSettings() = %v, want the SettingsErrors %v", err, errs)
			}
			// Nothing was stored, not even the valid fields that changed.
			if got, _ := st.Settings(ctx); !reflect.DeepEqual(got, custom()) {
				t.Errorf("after a refused save: %+v", got)
			}
		})
	}
}

func TestSettingsErrorsListEveryFieldOnItsOwnLine(t *testing.T) {
	bad := custom()
	bad.CentreID = "a b"
	bad.IdleTimeout = time.Second
	bad.AllowedHosts = []string{"https://a.vn", "b", "c.vn"}
	errs := bad.Validate()
	want := []string{
		`CentreID: "a b" is not a valid code`,
		`IdleTimeout: must be between 30 s and 10 min; got 1 s`,
		`AllowedHosts: "https://a.vn" must be a host name only, without https://; "b" is not a public domain name`,
	}
	lines := strings.Split(errs.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("Error() =\n%s\nwant %d lines", errs.Error(), len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i+1, lines[i], w)
		}
	}
	if !errs.Has("IdleTimeout") || errs.Has("AttractInterval") {
		t.Errorf("Has: %v", errs)
	}
}

func TestSettingsFallBackToThePackCentre(t *testing.T) {
	st := openStore(t)
	packCentre := data.Centre{ID: "ocop-hanoi", Name: data.Text{data.VI: "Trung tâm OCOP Hà Nội", data.EN: "Hanoi OCOP Centre"}}
	load := func(c data.Centre) {
		t.Helper()
		err := st.ReplaceCatalogue(ctx, &data.Catalogue{
			Pack:   data.PackInfo{Format: 1, Version: 1, Title: "Centre only", Created: day("2026-01-01")},
			Centre: c,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	load(packCentre)
	got, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.CentreID != packCentre.ID || !reflect.DeepEqual(got.CentreName, packCentre.Name) {
		t.Fatalf("no centre set: %q %v, want the pack's %q %v", got.CentreID, got.CentreName, packCentre.ID, packCentre.Name)
	}

	// Staff's own centre wins over the pack's.
	own := custom()
	if err := st.SaveSettings(ctx, own); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Settings(ctx); got.CentreID != own.CentreID || !reflect.DeepEqual(got.CentreName, own.CentreName) {
		t.Errorf("own centre: %q %v", got.CentreID, got.CentreName)
	}
	// An id of their own with no name of their own takes the pack's name.
	own.CentreName = nil
	if err := st.SaveSettings(ctx, own); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Settings(ctx); got.CentreID != own.CentreID || !reflect.DeepEqual(got.CentreName, packCentre.Name) {
		t.Errorf("own id, no name: %q %v", got.CentreID, got.CentreName)
	}

	// Saving what Settings returned, centre unchanged, still follows the
	// pack: a later pack with another centre shows through.
	got, _ = st.Settings(ctx)
	got.CentreID, got.CentreName = packCentre.ID, packCentre.Name
	got.IdleTimeout = 5 * time.Minute
	if err := st.SaveSettings(ctx, got); err != nil {
		t.Fatal(err)
	}
	next := data.Centre{ID: "ocop-hcm", Name: data.Text{data.VI: "Trung tâm OCOP TP.HCM"}}
	load(next)
	got, _ = st.Settings(ctx)
	if got.CentreID != next.ID || !reflect.DeepEqual(got.CentreName, next.Name) || got.IdleTimeout != 5*time.Minute {
		t.Errorf("after a new pack: %q %v %v, want the new pack's centre and the saved timeout", got.CentreID, got.CentreName, got.IdleTimeout)
	}
}

func TestSettingsSkipADamagedStoredValue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kiosk.db")
	st, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveSettings(ctx, custom()); err != nil {
		t.Fatal(err)
	}
	// Someone edits the database by hand.
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for key, value := range map[string]string{
		"idle_timeout":         `"soon"`,
		"allowed_hosts":        `["http://x"]`,
		"event_retention_days": `"many"`,
		"default_lang":         `"fr"`,
	} {
		if _, err := db.Exec(`UPDATE settings SET value = ? WHERE key = ?`, value, key); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	def, want := data.DefaultSettings(), custom()
	want.IdleTimeout, want.AllowedHosts, want.EventRetentionDays = def.IdleTimeout, def.AllowedHosts, def.EventRetentionDays
	want.DefaultLang = def.DefaultLang // vi, which is offered
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Settings() =\n%+v\nwant\n%+v", got, want)
	}

	// When the default language is damaged and Vietnamese is not offered,
	// the first language offered becomes the default.
	set := custom()
	set.Languages, set.DefaultLang = []data.Lang{data.KO, data.JA}, data.JA
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE settings SET value = '42' WHERE key = 'default_lang'`); err != nil {
		t.Fatal(err)
	}
	got, err = st.Settings(ctx)
	if err != nil || got.DefaultLang != data.KO {
		t.Errorf("default language = %q, %v; want ko", got.DefaultLang, err)
	}
	if errs := got.Validate(); errs != nil {
		t.Errorf("the settings returned are not valid: %v", errs)
	}
}
