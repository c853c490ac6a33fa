package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// carriedTables are what a rebuilt database takes over from the damaged
// one, as far as they can be read: the staff PIN (without it a rebuilt
// kiosk would have no PIN), the settings, the analytics and the audit log.
// The catalogue is not among them: it is reloaded from the kept pack, which
// is known to be whole.
var carriedTables = []struct {
	name string
	cols []string
}{
	{"staff_pin", []string{"id", "hash", "failures", "lockouts", "locked_until"}},
	{"settings", []string{"key", "value"}},
	{"events", []string{"id", "at", "day", "session", "kind", "screen", "item_kind", "item_id", "lang", "qr_kind", "query", "results"}},
	{"events_rollup", []string{"id", "counted"}},
	{"daily_stats", []string{"day", "metric", "key", "count", "extra"}},
	{"audit_log", []string{"id", "at", "action", "outcome", "detail"}},
}

// carryOver copies what can be read of carriedTables from the damaged
// database at old into s, row by row, so that damage in one page loses
// only the rows after it in that table. It says what it copied and what it
// could not, for the recovery note.
func (s *Store) carryOver(ctx context.Context, old string) (carried, lost string) {
	// SQLite reading the damaged file would also tidy its WAL; the file is
	// kept for a closer look as it was, so a copy is read instead.
	tmp, err := os.MkdirTemp(filepath.Dir(s.path), ".recovery-")
	if err != nil {
		return "", "everything (" + err.Error() + ")"
	}
	defer os.RemoveAll(tmp)
	copyPath := filepath.Join(tmp, "old.db")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(old+suffix, copyPath+suffix); err != nil && (suffix == "" || !errors.Is(err, os.ErrNotExist)) {
			return "", "everything (" + err.Error() + ")"
		}
	}
	src, err := sql.Open(driverName, "file:"+copyPath+"?"+url.Values{"mode": {"ro"}}.Encode())
	if err != nil {
		return "", "everything (" + err.Error() + ")"
	}
	defer src.Close()
	var got, missed []string
	for _, t := range carriedTables {
		n, err := s.copyTable(ctx, src, t.name, t.cols)
		if n > 0 {
			got = append(got, fmt.Sprintf("%s: %d", t.name, n))
		}
		if err != nil {
			missed = append(missed, fmt.Sprintf("%s (%s)", t.name, shorten(err.Error(), 120)))
		}
	}
	return strings.Join(got, ", "), strings.Join(missed, "; ")
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// copyTable copies one table's rows from src into s in one transaction,
// keeping the rows read before an error.
func (s *Store) copyTable(ctx context.Context, src *sql.DB, table string, cols []string) (int, error) {
	list := strings.Join(cols, ", ")
	rows, err := src.QueryContext(ctx, "SELECT "+list+" FROM "+table)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	insert, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO "+table+" ("+list+") VALUES (?"+strings.Repeat(", ?", len(cols)-1)+")")
	if err != nil {
		return 0, err
	}
	defer insert.Close()
	n := 0
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var readErr error
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			readErr = err
			break
		}
		if table == "settings" && vals[0] == keyRecoveryNote {
			continue // the new note is written after this
		}
		if _, err := insert.ExecContext(ctx, vals...); err != nil {
			readErr = err
			break
		}
		n++
	}
	if readErr == nil {
		readErr = rows.Err()
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return n, readErr
}
