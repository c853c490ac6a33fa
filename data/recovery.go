package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"

	"ocopkiosk/data/media"
)

// Recovery says what OpenOrRecover did on start: whether the database was
// found damaged, where the damaged file went, and what content was loaded
// into the new one. Staff mode shows it until staff dismiss it.
type Recovery struct {
	Happened bool      `json:"happened"`
	At       time.Time `json:"at"`       // when the damage was found
	MovedTo  string    `json:"moved_to"` // the damaged file, kept for a closer look
	Reason   string    `json:"reason"`   // what the check said
	Reloaded string    `json:"reloaded"` // what reimport loaded; empty if it failed
	// Carried lists what was copied from the damaged file (the PIN, the
	// settings, the analytics, the audit log) with row counts; Lost what
	// could not be read. Both empty when nothing was tried.
	Carried string `json:"carried,omitempty"`
	Lost    string `json:"lost,omitempty"`
}

// keyRecoveryNote is the settings row that keeps the last Recovery, so that
// staff learn of it even if the kiosk restarted again since.
const keyRecoveryNote = "recovery_note"

// maxReason bounds Recovery.Reason: SQLite may list many damaged pages, and
// staff need the gist on a screen, not all of it.
const maxReason = 500

// OpenOrRecover opens the database at path like Open. If the file is
// damaged (Open's error wraps ErrCorrupt, which includes a file that is not
// a database at all), it is moved aside to "<path>.corrupt-<time>" with its
// -wal and -shm files, a new database is created at path, and reimport is
// called to fill it (with the last kept pack, or the built-in content); it
// returns a description of what it loaded. Before that, the staff PIN, the
// settings, the analytics and the audit log are copied over from the
// damaged file as far as they can be read (see carryOver). What happened is returned and
// also kept in the database for RecoveryNote.
//
// Any other error (a locked, missing or unreadable file) is returned as it
// is, and nothing is moved: only damage justifies setting a database aside.
// If reimport fails, the new store is closed and the error returned; the
// note stays in the new database, and the next start begins from it.
func OpenOrRecover(path string, reimport func(st *Store) (string, error)) (*Store, Recovery, error) {
	return openOrRecover(path, reimport, true)
}

// OpenOrRecoverDeferred is OpenOrRecover for the kiosk's start: it skips
// the quick check (see OpenUnchecked), but recovers a database that a
// background check marked damaged (MarkDamaged), or that fails to open.
func OpenOrRecoverDeferred(path string, reimport func(st *Store) (string, error)) (*Store, Recovery, error) {
	return openOrRecover(path, reimport, false)
}

// damageMarker is the file MarkDamaged leaves beside a database.
func damageMarker(path string) string { return path + ".check-failed" }

// MarkDamaged records that a check found the database at path damaged, so
// that the next OpenOrRecover or OpenOrRecoverDeferred moves it aside and
// rebuilds it, even though a deferred open would not check it again.
func MarkDamaged(path string, reason error) error {
	return media.WriteFileAtomic(damageMarker(path), []byte(reason.Error()))
}

func openOrRecover(path string, reimport func(st *Store) (string, error), checked bool) (*Store, Recovery, error) {
	var st *Store
	var err error
	if marked, rerr := os.ReadFile(damageMarker(path)); rerr == nil {
		err = fmt.Errorf("%w: %s", ErrCorrupt, marked)
	} else if checked {
		st, err = Open(path)
	} else {
		st, err = OpenUnchecked(path)
	}
	if err == nil {
		return st, Recovery{}, nil
	}
	if !errors.Is(err, ErrCorrupt) {
		return nil, Recovery{}, err
	}
	rec := Recovery{Happened: true, At: time.Now(), Reason: shorten(err.Error(), maxReason)}
	moved, merr := moveAside(path, rec.At)
	if merr != nil {
		return nil, rec, fmt.Errorf("%w; and it could not be moved aside: %v", err, merr)
	}
	rec.MovedTo = moved
	os.Remove(damageMarker(path)) // the damaged file it spoke of has gone aside
	st, err = Open(path)
	if err != nil {
		return nil, rec, fmt.Errorf("database was damaged and moved to %s, but a new one could not be made: %w", moved, err)
	}
	ctx := context.Background()
	// The PIN, settings and analytics come across first: a rebuilt kiosk
	// must not come back without its PIN, which would leave staff mode shut
	// (or, in older versions, open to the first visitor).
	rec.Carried, rec.Lost = st.carryOver(ctx, moved)
	// The note goes in before the content, so that a failure or a crash
	// while reloading still leaves staff a record of the damage.
	if err := st.saveRecoveryNote(ctx, rec); err != nil {
		st.Close()
		return nil, rec, err
	}
	if reimport != nil {
		what, err := reimport(st)
		if err != nil {
			st.Close()
			return nil, rec, fmt.Errorf("database was damaged and moved to %s; reloading content failed: %w", moved, err)
		}
		rec.Reloaded = what
		if err := st.saveRecoveryNote(ctx, rec); err != nil {
			st.Close()
			return nil, rec, err
		}
	}
	return st, rec, nil
}

// RecoveryNote is the last Recovery that OpenOrRecover made, until
// ClearRecoveryNote; its Happened is false when there is none.
func (s *Store) RecoveryNote(ctx context.Context) (Recovery, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyRecoveryNote).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Recovery{}, nil
	}
	if err != nil {
		return Recovery{}, fmt.Errorf("read recovery note: %w", err)
	}
	var rec Recovery
	if err := json.Unmarshal([]byte(raw), &rec); err != nil {
		return Recovery{}, fmt.Errorf("read recovery note: %w", err)
	}
	return rec, nil
}

// ClearRecoveryNote forgets the recovery note: staff have seen it.
func (s *Store) ClearRecoveryNote(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM settings WHERE key = ?`, keyRecoveryNote); err != nil {
		return fmt.Errorf("clear recovery note: %w", err)
	}
	return nil
}

func (s *Store) saveRecoveryNote(ctx context.Context, rec Recovery) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("save recovery note: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, keyRecoveryNote, string(b)); err != nil {
		return fmt.Errorf("save recovery note: %w", err)
	}
	return nil
}

// moveAside renames a damaged database, and the -wal, -shm and -journal
// files SQLite keeps beside it, to "<path>.corrupt-<time>" (with the same
// suffixes, so that SQLite can still open the copy for a closer look).
// The WAL must go with it: left behind, SQLite would replay its pages into
// the new database.
func moveAside(path string, at time.Time) (string, error) {
	base := path + ".corrupt-" + at.Format("20060102-150405")
	moved := base
	for i := 2; exists(moved); i++ {
		moved = base + "-" + strconv.Itoa(i)
	}
	if err := os.Rename(path, moved); err != nil {
		return "", err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Rename(path+suffix, moved+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return moved, err
		}
	}
	return moved, media.SyncDir(filepath.Dir(path))
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// isDamage reports whether err is SQLite saying the file is damaged or is
// not a database: the errors that a restart cannot cure.
func isDamage(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// shorten cuts s to at most n bytes, on a character boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}
