package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// The audit log records what staff did and how it ended, so that a centre
// can answer "who changed the kiosk, and when?": sign-ins and wrong PINs,
// imports, settings changes, exits. It never holds a PIN or a setup code.

// Audit actions.
const (
	AuditSignIn    = "sign-in"    // the PIN pad: ok, failed (wrong PIN) or locked
	AuditSignOut   = "sign-out"   // staff mode closed: detail says by hand or timed out
	AuditSetPIN    = "set-pin"    // a new PIN, from the command line or with a setup code
	AuditSetupCode = "setup-code" // a one-time setup code made, or tried at the kiosk
	AuditImport    = "import"     // a content pack: ok, failed, cancelled
	AuditRollback  = "rollback"   // content put back to an earlier pack
	AuditExport    = "export"     // the content written to a drive
	AuditSettings  = "settings"   // settings saved (detail: which)
	AuditExit      = "exit"       // the kiosk closed or restarted from staff mode
)

// Audit outcomes.
const (
	OutcomeOK        = "ok"
	OutcomeFailed    = "failed"
	OutcomeLocked    = "locked"
	OutcomeCancelled = "cancelled"
)

// AuditKeep is how long audit entries are kept.
const AuditKeep = 365 * 24 * time.Hour

// maxAuditDetail bounds an entry's detail (a list of problems can be long).
const maxAuditDetail = 300

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	At      time.Time `json:"at"`
	Action  string    `json:"action"`
	Outcome string    `json:"outcome"`
	Detail  string    `json:"detail,omitempty"`
}

// Audit adds an entry to the audit log, at s.Now.
func (s *Store) Audit(ctx context.Context, action, outcome, detail string) error {
	detail = shorten(strings.Join(strings.Fields(detail), " "), maxAuditDetail)
	_, err := s.db.ExecContext(ctx, `INSERT INTO audit_log (at, action, outcome, detail) VALUES (?, ?, ?, ?)`,
		s.Now().UTC().Format(eventTimeLayout), action, outcome, detail)
	if err != nil {
		return fmt.Errorf("write the audit log: %w", err)
	}
	return nil
}

// AuditLog returns the entries from from (inclusive) to to (exclusive),
// newest first, at most limit of them (0: all). A zero from or to leaves
// that end open.
func (s *Store) AuditLog(ctx context.Context, from, to time.Time, limit int) ([]AuditEntry, error) {
	q := `SELECT at, action, outcome, detail FROM audit_log WHERE 1=1`
	var args []any
	if !from.IsZero() {
		q += ` AND at >= ?`
		args = append(args, from.UTC().Format(eventTimeLayout))
	}
	if !to.IsZero() {
		q += ` AND at < ?`
		args = append(args, to.UTC().Format(eventTimeLayout))
	}
	q += ` ORDER BY at DESC, id DESC`
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&at, &e.Action, &e.Outcome, &e.Detail); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		e.At, _ = time.Parse(eventTimeLayout, at)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the audit log: %w", err)
	}
	return out, nil
}

// PruneAudit deletes entries older than AuditKeep before now and says how
// many went.
func (s *Store) PruneAudit(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM audit_log WHERE at < ?`,
		now.Add(-AuditKeep).UTC().Format(eventTimeLayout))
	if err != nil {
		return 0, fmt.Errorf("prune the audit log: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}
