package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// FleetValue reads one fleet value (see data/fleet) into v; ok is false when
// none is stored. The fleet package decides what the keys and values are.
func (s *Store) FleetValue(ctx context.Context, key string, v any) (ok bool, err error) {
	var raw string
	err = s.db.QueryRowContext(ctx, `SELECT value FROM fleet WHERE key = ?`, key).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read fleet %s: %w", key, err)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return false, fmt.Errorf("read fleet %s: %w", key, err)
	}
	return true, nil
}

// SaveFleetValues stores several fleet values in one transaction.
func (s *Store) SaveFleetValues(ctx context.Context, values map[string]any) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save fleet values: %w", err)
	}
	defer tx.Rollback()
	for k, v := range values {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("save fleet %s: %w", k, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO fleet (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, string(b)); err != nil {
			return fmt.Errorf("save fleet %s: %w", k, err)
		}
	}
	return tx.Commit()
}

// FleetLogEntry is one thing the fleet sync did.
type FleetLogEntry struct {
	At      time.Time `json:"at"`
	Action  string    `json:"action"` // applied, refused, rollback
	PackID  string    `json:"pack_id,omitempty"`
	Version int       `json:"version,omitempty"`
	Detail  string    `json:"detail,omitempty"`
}

// LogFleet records e (at the store's clock when e.At is zero).
func (s *Store) LogFleet(ctx context.Context, e FleetLogEntry) error {
	if e.At.IsZero() {
		e.At = s.Now()
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO fleet_log (at, action, pack_id, version, detail) VALUES (?, ?, ?, ?, ?)`,
		e.At.UTC().Format(time.RFC3339), e.Action, e.PackID, e.Version, e.Detail)
	if err != nil {
		return fmt.Errorf("log fleet %s: %w", e.Action, err)
	}
	return nil
}

// FleetLog returns the last n entries, newest first.
func (s *Store) FleetLog(ctx context.Context, n int) ([]FleetLogEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, action, pack_id, version, detail FROM fleet_log ORDER BY id DESC LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("read fleet log: %w", err)
	}
	defer rows.Close()
	var out []FleetLogEntry
	for rows.Next() {
		var e FleetLogEntry
		var at string
		if err := rows.Scan(&at, &e.Action, &e.PackID, &e.Version, &e.Detail); err != nil {
			return nil, fmt.Errorf("read fleet log: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, rows.Err()
}
