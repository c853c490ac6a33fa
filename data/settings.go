package data

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"ocopkiosk/lang"
)

// Settings are what staff may change on a kiosk, kept in the database. The
// kiosk reads them again after every save, so a change takes effect without
// a restart.
type Settings struct {
	// CentreID tags the QR links (utm_campaign). Empty means the loaded
	// pack's centre.
	CentreID string
	// CentreName is the centre's name per language; empty means the loaded
	// pack's centre's name.
	CentreName Text
	// DefaultLang is the language after every reset; one of Languages.
	DefaultLang Lang
	// Languages are offered to visitors, in the kiosk's order.
	Languages []Lang
	// IdleTimeout is how long without a touch before the kiosk asks
	// "Still there?": 30 s to 10 min.
	IdleTimeout time.Duration
	// AttractInterval is the time between attract-loop slides: 2 s to 60 s.
	AttractInterval time.Duration
	// AllowedHosts is the QR allow-list: host names, matched exactly, or
	// "*.example.com" for every subdomain of example.com; at least one.
	AllowedHosts []string
	// EventRetentionDays is how long raw analytics events are kept: 7 to 3650.
	EventRetentionDays int
	// StaffLang is the language of staff mode (the PIN pad, the tabs, the
	// content picker): one of the five, whatever visitors are offered; ""
	// is saved as Vietnamese.
	StaffLang Lang
}

// DefaultAllowedHosts lists the sites the sample content and the directions
// codes point to (see DefaultSettings, and handoff.DefaultAllowedHosts, which
// is this list).
var DefaultAllowedHosts = []string{
	"shopee.vn",            // Shopee, the largest marketplace
	"www.lazada.vn",        // Lazada
	"tiki.vn",              // Tiki
	"zalo.me",              // Zalo Official Accounts, used for tour sign-ups
	"www.google.com/maps/", // Google Maps directions, and none of Google's redirectors
}

// The limits Validate enforces.
const (
	MinIdleTimeout        = 30 * time.Second
	MaxIdleTimeout        = 10 * time.Minute
	MinAttractInterval    = 2 * time.Second
	MaxAttractInterval    = 60 * time.Second
	MinEventRetentionDays = 7
	MaxEventRetentionDays = 3650
	MaxCentreNameLength   = 100 // characters; a longer name does not fit the header
)

// DefaultSettings are a new kiosk's settings: Vietnamese first, all five
// languages, 90 s idle timeout, a new attract slide every 6 s, the default
// allow-list and 90 days of raw events. The centre is the pack's.
func DefaultSettings() Settings {
	return Settings{
		CentreName:         Text{},
		DefaultLang:        VI,
		Languages:          slices.Clone(Languages),
		IdleTimeout:        90 * time.Second,
		AttractInterval:    6 * time.Second,
		AllowedHosts:       slices.Clone(DefaultAllowedHosts),
		EventRetentionDays: 90,
		StaffLang:          VI,
	}
}

// FieldError says what is wrong with one field of Settings.
type FieldError struct {
	Field   string // the Settings field's name, e.g. "IdleTimeout"
	Message string // what is wrong and what is expected, in English
	// Phrase is Message before formatting, for a staff screen that says
	// it in the staff's language.
	Phrase lang.Phrase
}

// Error gives the field and the message on one line.
func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// SettingsErrors are the problems of a Settings, at most one per field, in
// the order of the fields. Check len (or compare with nil) before using it
// as an error: a nil SettingsErrors in an error variable is not a nil error.
type SettingsErrors []FieldError

// Error gives one line per field.
func (e SettingsErrors) Error() string {
	lines := make([]string, len(e))
	for i, fe := range e {
		lines[i] = fe.Error()
	}
	return strings.Join(lines, "\n")
}

// Has reports whether field has a problem.
func (e SettingsErrors) Has(field string) bool {
	return slices.ContainsFunc(e, func(fe FieldError) bool { return fe.Field == field })
}

// Validate reports every field of s that the kiosk cannot use, or nil.
func (s Settings) Validate() SettingsErrors {
	var errs SettingsErrors
	add := func(field, format string, args ...any) {
		ph := lang.Phrasef(format, args...)
		errs = append(errs, FieldError{Field: field, Message: ph.Error(), Phrase: ph})
	}
	if s.CentreID != "" && !ValidID(s.CentreID) {
		add("CentreID", "%q is not a valid code; use up to 64 letters, digits, - and _, starting with a letter or digit, or leave it empty to use the content pack's centre", s.CentreID)
	}
	if msg := checkCentreName(s.CentreName); msg != nil {
		add("CentreName", "%v", msg)
	}
	if s.StaffLang != "" && !slices.Contains(Languages, s.StaffLang) { // "" is Vietnamese
		add("StaffLang", "%q is not one of the kiosk's languages; expected %s", s.StaffLang, langList(Languages))
	}
	if !slices.Contains(Languages, s.DefaultLang) {
		add("DefaultLang", "%q is not a visitor language; expected %s", s.DefaultLang, langList(Languages))
	} else if len(s.Languages) > 0 && !slices.Contains(s.Languages, s.DefaultLang) {
		// With no languages at all, Languages says so; this would only repeat it.
		add("DefaultLang", "%s is not one of the languages offered (%s); offer it or choose one of those", s.DefaultLang, langList(s.Languages))
	}
	if msg := checkLanguages(s.Languages); msg != nil {
		add("Languages", "%v", msg)
	}
	if s.IdleTimeout < MinIdleTimeout || s.IdleTimeout > MaxIdleTimeout {
		add("IdleTimeout", "must be between %s and %s; got %s", fmtDuration(MinIdleTimeout), fmtDuration(MaxIdleTimeout), fmtDuration(s.IdleTimeout))
	}
	if s.AttractInterval < MinAttractInterval || s.AttractInterval > MaxAttractInterval {
		add("AttractInterval", "must be between %s and %s; got %s", fmtDuration(MinAttractInterval), fmtDuration(MaxAttractInterval), fmtDuration(s.AttractInterval))
	}
	if msg := checkHosts(s.AllowedHosts); msg != nil {
		add("AllowedHosts", "%v", msg)
	}
	if s.EventRetentionDays < MinEventRetentionDays || s.EventRetentionDays > MaxEventRetentionDays {
		add("EventRetentionDays", "must be between %d and %d days; got %d", MinEventRetentionDays, MaxEventRetentionDays, s.EventRetentionDays)
	}
	return errs
}

func checkCentreName(name Text) error {
	var problems []error
	for _, l := range sortedLangs(name) {
		if !slices.Contains(Languages, l) {
			problems = append(problems, lang.Phrasef("%q is not a visitor language; expected %s", l, langList(Languages)))
		} else if n := utf8.RuneCountInString(name[l]); n > MaxCentreNameLength {
			problems = append(problems, lang.Phrasef("the %s name is %d characters long; at most %d fit", l, n, MaxCentreNameLength))
		}
	}
	return joinProblems(problems)
}

// sortedLangs lists t's languages, the visitor languages first in the
// kiosk's order, so that messages come out the same every time.
func sortedLangs(t Text) []Lang {
	ls := make([]Lang, 0, len(t))
	for l := range t {
		ls = append(ls, l)
	}
	rank := func(l Lang) int {
		if i := slices.Index(Languages, l); i >= 0 {
			return i
		}
		return len(Languages)
	}
	slices.SortFunc(ls, func(a, b Lang) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(string(a), string(b))
	})
	return ls
}

func checkLanguages(ls []Lang) error {
	if len(ls) == 0 {
		return lang.Phrasef("offer at least one language")
	}
	var problems []error
	seen := map[Lang]bool{}
	for _, l := range ls {
		switch {
		case !slices.Contains(Languages, l):
			problems = append(problems, lang.Phrasef("%q is not a visitor language; expected %s", l, langList(Languages)))
		case seen[l]:
			problems = append(problems, lang.Phrasef("%s is listed twice", l))
		}
		seen[l] = true
	}
	return joinProblems(problems)
}

func langList(ls []Lang) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}

func checkHosts(hosts []string) error {
	if len(hosts) == 0 {
		return lang.Phrasef("list at least one host name, e.g. shopee.vn; with none, no QR code can be shown")
	}
	var problems []error
	for _, h := range hosts {
		if msg := checkHost(h); msg != nil {
			problems = append(problems, lang.Phrasef("%q %v", h, msg))
		}
	}
	return joinProblems(problems)
}

// checkHost says what is wrong with one allow-list entry, or nil: the rule
// handoff matches links with (see CheckAllowedEntry).
func checkHost(h string) error { return CheckAllowedEntry(h) }

// joinProblems is problems as one phrase, separated by "; ", or nil when
// there are none; each part stays a phrase of its own, to be translated.
func joinProblems(problems []error) error {
	if len(problems) == 0 {
		return nil
	}
	args := make([]any, len(problems))
	for i, p := range problems {
		args[i] = p
	}
	return lang.Phrasef(strings.TrimSuffix(strings.Repeat("%v; ", len(problems)), "; "), args...)
}

// fmtDuration writes a duration as staff would: "30 s", "5 min", "1 min 30 s".
func fmtDuration(d time.Duration) string {
	switch {
	case d%time.Second != 0 || d < time.Second:
		return d.String()
	case d < time.Minute:
		return fmt.Sprintf("%d s", d/time.Second)
	case d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return fmt.Sprintf("%d min %d s", d/time.Minute, d%time.Minute/time.Second)
}

// The keys of the settings table, each holding a JSON value. Durations are
// stored as Go duration strings ("1m30s") so that the table reads plainly.
const (
	keyCentreID        = "centre_id"
	keyCentreName      = "centre_name"
	keyDefaultLang     = "default_lang"
	keyLanguages       = "languages"
	keyIdleTimeout     = "idle_timeout"
	keyAttractInterval = "attract_interval"
	keyAllowedHosts    = "allowed_hosts"
	keyRetentionDays   = "event_retention_days"
	keyStaffLang       = "staff_lang"
)

var settingsKeys = []string{keyCentreID, keyCentreName, keyDefaultLang, keyLanguages,
	keyIdleTimeout, keyAttractInterval, keyAllowedHosts, keyRetentionDays, keyStaffLang}

// Settings returns the kiosk's settings: DefaultSettings overlaid with what
// staff have saved. An empty CentreID is the loaded pack's centre id, and an
// empty CentreName the pack's centre name.
//
// A stored value that cannot be read, or that is no longer valid, is left
// at its default, so that one damaged setting never stops the kiosk; only a
// database error is returned.
func (s *Store) Settings(ctx context.Context) (Settings, error) {
	stored, err := s.readSettings(ctx)
	if err != nil {
		return Settings{}, err
	}
	set := DefaultSettings()
	// overlay decodes one stored value into a copy of set with apply, and
	// keeps the copy if the field is still valid. Languages goes before
	// DefaultLang, which is checked against it.
	overlay := func(key, field string, v any, apply func(*Settings) bool) {
		raw, ok := stored[key]
		if !ok || json.Unmarshal([]byte(raw), v) != nil {
			return
		}
		c := set
		if apply(&c) && !c.Validate().Has(field) {
			set = c
		}
	}
	var id, defLang, staffLang, idle, attract string
	var name Text
	var langs []Lang
	var hosts []string
	var days int
	overlay(keyCentreID, "CentreID", &id, func(c *Settings) bool { c.CentreID = id; return true })
	overlay(keyCentreName, "CentreName", &name, func(c *Settings) bool { c.CentreName = name; return true })
	overlay(keyLanguages, "Languages", &langs, func(c *Settings) bool { c.Languages = langs; return true })
	overlay(keyDefaultLang, "DefaultLang", &defLang, func(c *Settings) bool { c.DefaultLang = Lang(defLang); return true })
	overlay(keyIdleTimeout, "IdleTimeout", &idle, func(c *Settings) bool {
		d, err := time.ParseDuration(idle)
		c.IdleTimeout = d
		return err == nil
	})
	overlay(keyAttractInterval, "AttractInterval", &attract, func(c *Settings) bool {
		d, err := time.ParseDuration(attract)
		c.AttractInterval = d
		return err == nil
	})
	overlay(keyAllowedHosts, "AllowedHosts", &hosts, func(c *Settings) bool { c.AllowedHosts = hosts; return true })
	overlay(keyRetentionDays, "EventRetentionDays", &days, func(c *Settings) bool { c.EventRetentionDays = days; return true })
	overlay(keyStaffLang, "StaffLang", &staffLang, func(c *Settings) bool { c.StaffLang = Lang(staffLang); return true })
	if !slices.Contains(set.Languages, set.DefaultLang) {
		// The stored default was unreadable and the stored languages
		// leave out Vietnamese.
		set.DefaultLang = set.Languages[0]
	}

	if set.CentreID == "" || !hasText(set.CentreName) {
		pc, err := s.PackCentre(ctx)
		if err != nil {
			return Settings{}, fmt.Errorf("read settings: %w", err)
		}
		if set.CentreID == "" {
			set.CentreID = pc.ID
		}
		if !hasText(set.CentreName) {
			set.CentreName = pc.Name
		}
	}
	set.CentreName = set.CentreName.Clone()
	return set, nil
}

func (s *Store) readSettings(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	stored := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		stored[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return stored, nil
}

// SaveSettings stores set, all of it in one transaction. If set is not
// valid it returns its SettingsErrors (not wrapped) and stores nothing.
//
// A centre id or name equal to the loaded pack's is stored as empty, that
// is "as the pack says": saving the settings screen unchanged must not pin
// the kiosk to the current pack's centre when a later pack names another.
func (s *Store) SaveSettings(ctx context.Context, set Settings) error {
	if errs := set.Validate(); len(errs) > 0 {
		return errs
	}
	pc, err := s.PackCentre(ctx)
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	name := Text{}
	for l, v := range set.CentreName {
		if v != "" {
			name[l] = v
		}
	}
	if set.CentreID == pc.ID {
		set.CentreID = ""
	}
	if sameText(name, pc.Name) {
		name = Text{}
	}
	values := map[string]any{
		keyCentreID:        set.CentreID,
		keyCentreName:      name,
		keyDefaultLang:     set.DefaultLang,
		keyLanguages:       set.Languages,
		keyIdleTimeout:     set.IdleTimeout.String(),
		keyAttractInterval: set.AttractInterval.String(),
		keyAllowedHosts:    set.AllowedHosts,
		keyRetentionDays:   set.EventRetentionDays,
		keyStaffLang:       cmp.Or(set.StaffLang, VI),
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	defer tx.Rollback()
	for _, key := range settingsKeys {
		b, err := json.Marshal(values[key])
		if err != nil {
			return fmt.Errorf("save settings: %s: %w", key, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, string(b)); err != nil {
			return fmt.Errorf("save settings: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}

// hasText reports whether t has a non-empty text in some language.
func hasText(t Text) bool {
	for _, v := range t {
		if v != "" {
			return true
		}
	}
	return false
}

// sameText reports whether a and b hold the same non-empty texts.
func sameText(a, b Text) bool {
	for l, v := range a {
		if v != "" && b[l] != v {
			return false
		}
	}
	for l, v := range b {
		if v != "" && a[l] != v {
			return false
		}
	}
	return true
}
