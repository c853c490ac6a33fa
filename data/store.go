// Package data is the kiosk's content: the catalogue of craft villages, OCOP
// products and experience tours, the SQLite store that keeps it, search, and
// the rules for what a valid catalogue is. It knows nothing of the UI.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"

	"ocopkiosk/data/media"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// driverName is go-sqlite3 under the kiosk's own name (it once carried
// SQL functions of the kiosk's; search now ranks in Go, in memory).
const driverName = "sqlite3_ocopkiosk"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{})
}

// Store is the kiosk's SQLite database and the media folder beside it.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock, replaceable in tests.
	Now func() time.Time

	marked bool // MarkInUse made the in-use record

	readOnly bool       // opened by OpenReadOnly
	roMu     sync.Mutex // guards roPIN
	roPIN    *pinState  // the staff PIN's state, counted in memory when read-only
	// search is the in-memory search index, built on first use.
	search searchState
}

// DefaultPath is where the kiosk keeps its database when --db is not given:
// the user's data directory (XDG_DATA_HOME, ~/.local/share, %LocalAppData%,
// ~/Library/Application Support).
func DefaultPath() (string, error) {
	var dir string
	switch {
	case os.Getenv("XDG_DATA_HOME") != "":
		dir = os.Getenv("XDG_DATA_HOME")
	case runtime.GOOS == "windows" && os.Getenv("LocalAppData") != "":
		dir = os.Getenv("LocalAppData")
	default:
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the data directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
		if runtime.GOOS == "darwin" {
			dir = filepath.Join(home, "Library", "Application Support")
		}
	}
	return filepath.Join(dir, "ocopkiosk", "kiosk.db"), nil
}

// Open opens (creating if needed) the database at path, checks it cheaply
// (its header and every table's first page; see opencheck.go), and brings
// its schema up to date. After a kiosk stopped without closing it (see
// MarkInUse), it also runs the quick check, which reads every page.
func Open(path string) (*Store, error) { return open(path, false) }

// OpenUnchecked is Open: the quick check, which reads every page (a second
// for a national catalogue), runs at open only after an unclean shutdown.
// The kiosk runs QuickCheck in the background once its window is up (and
// MarkDamaged if it fails). Kept for the kiosk's deferred recovery.
func OpenUnchecked(path string) (*Store, error) { return open(path, false) }

// OpenFullyChecked is Open with the quick check whatever happened before.
func OpenFullyChecked(path string) (*Store, error) { return open(path, true) }

// QuickCheck runs SQLite's quick check; an error wraps ErrCorrupt when the
// database is damaged.
func (s *Store) QuickCheck() error { return s.check() }

func open(path string, checked bool) (*Store, error) {
	// Whole, so that paths made from it (its photos, the fleet's kept
	// packs, stored in the database) hold from any working folder.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if err := preparePrivate(path); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "5000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "FULL") // an import must survive a power cut
	db, err := sql.Open(driverName, "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, path: path, Now: time.Now}
	if checked || uncleanShutdown(path) {
		if err := s.check(); err != nil {
			db.Close()
			return nil, err
		}
	}
	if err := s.checkTables(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		if isDamage(err) {
			// Damage that quick_check missed (in the schema itself)
			// is still damage: OpenOrRecover must see it as such.
			return nil, fmt.Errorf("%w: %s: %w", ErrCorrupt, path, err)
		}
		return nil, err
	}
	return s, nil
}

// Close closes the database, and removes the in-use record MarkInUse made.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.marked && err == nil {
		s.marked = false
		os.Remove(inUseMarker(s.path))
	}
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// MediaDir is the folder that holds the catalogue's photos, beside the database.
func (s *Store) MediaDir() string { return s.path + ".media" }

// ErrCorrupt means the database failed SQLite's own consistency check.
var ErrCorrupt = errors.New("database is damaged")

// check runs SQLite's quick check, which reads every page but skips the
// slow index-to-table comparison, so that opening stays fast. A file that is
// not a database at all counts as damaged too, but a busy or unreadable file
// does not: only damage may send a database aside (see OpenOrRecover).
func (s *Store) check() error {
	var result string
	if err := s.db.QueryRow("PRAGMA quick_check").Scan(&result); err != nil {
		if isDamage(err) {
			return fmt.Errorf("%w: %s: %w", ErrCorrupt, s.path, err)
		}
		return fmt.Errorf("check database %s: %w", s.path, err)
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s: %s", ErrCorrupt, s.path, result)
	}
	return nil
}

// IntegrityCheck runs SQLite's full integrity check (every page, and every
// index against its table) and returns an error wrapping ErrCorrupt listing
// the first problems found. It is slower than the quick check Open makes,
// so it is not run on every start; the crash tests run it after each kill.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check(20)")
	if err != nil {
		if isDamage(err) {
			return fmt.Errorf("%w: %s: %w", ErrCorrupt, s.path, err)
		}
		return fmt.Errorf("check database %s: %w", s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("check database %s: %w", s.path, err)
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		if isDamage(err) {
			return fmt.Errorf("%w: %s: %w", ErrCorrupt, s.path, err)
		}
		return fmt.Errorf("check database %s: %w", s.path, err)
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return fmt.Errorf("%w: %s: %s", ErrCorrupt, s.path, strings.Join(problems, "; "))
}

// migrate applies the numbered migrations that have not run yet, in order,
// each in its own transaction together with its record in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	for _, entry := range names {
		version, err := strconv.Atoi(strings.SplitN(entry.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migrate: %s does not start with a number", entry.Name())
		}
		if err := s.applyMigration(ctx, version, entry.Name()); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyMigration(ctx context.Context, version int, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	defer tx.Rollback()
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&done); err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	if done > 0 {
		return nil
	}
	script, err := migrationFiles.ReadFile("migrations/" + name)
	if err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		version, name, s.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migrate %s: %w", name, err)
	}
	return tx.Commit()
}

// Migrations lists the applied migrations by name, in order.
func (s *Store) Migrations(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Photos is the media library beside the database.
func (s *Store) Photos() media.Library { return media.Library{Dir: s.MediaDir()} }
