package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrReadOnly means the database's disk cannot be written (a locked-down
// image, an overlay root mounted read-only, a full-disk protection).
var ErrReadOnly = errors.New("the disk is read-only")

// Writable reports whether files can be made in the folder that holds the
// database at path: false with the reason when the disk is read-only or the
// folder is not the kiosk's to write.
func Writable(path string) (bool, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		if isReadOnlyErr(err) {
			return false, fmt.Errorf("%w: %s: %v", ErrReadOnly, dir, err)
		}
		return true, nil // let the open report it
	}
	f, err := os.CreateTemp(dir, ".ocopkiosk-write-test-*")
	if err != nil {
		if isReadOnlyErr(err) {
			return false, fmt.Errorf("%w: %s: %v", ErrReadOnly, dir, err)
		}
		return true, nil
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if info, err := os.Stat(path); err == nil {
		if g, err := os.OpenFile(path, os.O_WRONLY, 0); err != nil {
			if isReadOnlyErr(err) {
				return false, fmt.Errorf("%w: %s: %v", ErrReadOnly, path, err)
			}
		} else {
			g.Close()
		}
		_ = info
	}
	return true, nil
}

func isReadOnlyErr(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission)
}

// OpenReadOnly opens an existing database without writing anything, not even
// SQLite's journal: for a kiosk on a read-only disk, which shows the
// catalogue it has. The file must be a database at the current schema (a
// read-only disk cannot be migrated). SQLite is told the file cannot change
// (immutable), which is what a read-only disk means; a write-ahead log
// that was never checkpointed into the file is not read.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", path, err)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	q.Set("_foreign_keys", "on")
	db, err := sql.Open(driverName, "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", path, err)
	}
	s := &Store{db: db, path: path, Now: time.Now, readOnly: true}
	if err := s.checkTables(); err != nil {
		db.Close()
		return nil, err
	}
	if missing, err := s.missingMigrations(context.Background()); err != nil {
		db.Close()
		return nil, err
	} else if len(missing) > 0 {
		db.Close()
		return nil, fmt.Errorf("open database %s read-only: it needs %d schema update(s) (%s) that a read-only disk cannot take",
			path, len(missing), missing[0])
	}
	return s, nil
}

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// missingMigrations lists the migrations the database has not had.
func (s *Store) missingMigrations(ctx context.Context) ([]string, error) {
	applied, err := s.Migrations(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the schema version: %w", err)
	}
	have := map[string]bool{}
	for _, n := range applied {
		have[n] = true
	}
	names, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var missing []string
	for _, e := range names {
		if !have[e.Name()] {
			missing = append(missing, e.Name())
		}
	}
	return missing, nil
}
