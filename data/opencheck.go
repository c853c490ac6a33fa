package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Opening a database checks it cheaply: the file's header, and that every
// table's first page can be read. SQLite's quick check reads every page,
// which for a national catalogue is over a second: it runs in the kiosk's
// background once the window is up (QuickCheck), at the first open after
// the kiosk stopped without closing its database (a crash, a power cut, a
// kill), and on `ocopkiosk check` (IntegrityCheck).

// sqliteMagic starts every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader reads the first 100 bytes of the file at path: the SQLite
// magic, a valid page size, and a file that is a whole number of pages. A
// missing or empty file is fine (it becomes a new database).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		// Not damage (nothing to move aside): a folder, a device.
		return fmt.Errorf("open database %s: not a file", path)
	}
	if info.Size() == 0 {
		return nil
	}
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %s: only %d bytes, shorter than a database header", ErrCorrupt, path, info.Size())
	} else if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if !bytes.Equal(head[:16], sqliteMagic) {
		return fmt.Errorf("%w: %s: not an SQLite database (its first bytes are %q)", ErrCorrupt, path, head[:16])
	}
	page := int64(binary.BigEndian.Uint16(head[16:18]))
	if page == 1 {
		page = 65536
	}
	if page < 512 || page&(page-1) != 0 {
		return fmt.Errorf("%w: %s: page size %d in its header", ErrCorrupt, path, page)
	}
	if info.Size()%page != 0 {
		return fmt.Errorf("%w: %s: %d bytes, not a whole number of %d-byte pages", ErrCorrupt, path, info.Size(), page)
	}
	return nil
}

// checkTables reads the first row of every table, which reads each table's
// root page: damage to the schema or to a table's root shows here without
// reading the whole file.
func (s *Store) checkTables() error {
	rows, err := s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`)
	if err != nil {
		return s.damageOr(err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return s.damageOr(err)
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.damageOr(err)
	}
	for _, n := range names {
		var one int
		// NOT INDEXED: without it SQLite answers from the smallest index
		// and never reads the table's own root page.
		err := s.db.QueryRow(`SELECT 1 FROM "` + strings.ReplaceAll(n, `"`, `""`) + `" NOT INDEXED LIMIT 1`).Scan(&one)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return s.damageOr(fmt.Errorf("table %s: %w", n, err))
		}
	}
	return nil
}

// damageOr wraps err in ErrCorrupt when it says the file is damaged.
func (s *Store) damageOr(err error) error {
	if isDamage(err) {
		return fmt.Errorf("%w: %s: %w", ErrCorrupt, s.path, err)
	}
	return fmt.Errorf("check database %s: %w", s.path, err)
}

// inUseMarker is the file a kiosk keeps beside its database while it runs.
func inUseMarker(path string) string { return path + ".in-use" }

// MarkInUse records, beside the database, that this process has it open;
// Close removes the record. A record left behind by a process that is gone
// means that process stopped without closing the database, and the next
// open runs the quick check. Only the kiosk marks its database: a
// command-line tool that is killed leaves nothing half-written that
// SQLite's journal does not already cover, and it opens too often.
func (s *Store) MarkInUse() error {
	if err := os.WriteFile(inUseMarker(s.path), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return fmt.Errorf("mark the database in use: %w", err)
	}
	s.marked = true
	return nil
}

// uncleanShutdown reports whether a process that marked the database in use
// has gone without closing it (or was this very process, before it started
// itself again without closing it).
func uncleanShutdown(path string) bool {
	b, err := os.ReadFile(inUseMarker(path))
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 || pid == os.Getpid() {
		return true
	}
	return !processAlive(pid)
}

// processAlive reports whether a process with this id exists (signal 0
// checks without sending anything; where that is not supported, it counts
// as gone, and the cautious quick check runs).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// TruncateJournal checkpoints SQLite's write-ahead log and cuts it to
// nothing: after a transaction that failed on a full disk, the log keeps
// the pages it grew by until then, and the disk stays that much fuller.
func (s *Store) TruncateJournal(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
	return err
}
