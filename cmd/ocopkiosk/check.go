package main

import (
	"context"
	"fmt"
	"time"

	"ocopkiosk/data"
)

// runCheck runs SQLite's full integrity check on the database (every page,
// and every index against its table), which opening does not: a damaged
// database is reported, not moved aside or rebuilt (the kiosk does that at
// its next start).
func runCheck(ctx context.Context, e *env, args []string) error {
	fs := e.flags()
	db := dbFlag(fs)
	if err := e.parse(fs, args, 0); err != nil {
		return err
	}
	path := *db
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return err
		}
	}
	start := time.Now()
	st, err := data.OpenFullyChecked(path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "ok: %s passed SQLite's integrity check (%d ms)\n", path, time.Since(start).Milliseconds())
	return nil
}
