-- Staff mode without an open door: a one-time setup code lets staff set the
-- first PIN at the kiosk (a kiosk with no PIN and no code lets nobody in),
-- and an audit log records what staff did, for a year.

-- bcrypt of the one-time setup code printed by `ocopkiosk setup-code`, and
-- when it stops working (RFC 3339 UTC); '' for none. Setting a PIN clears it.
ALTER TABLE staff_pin ADD COLUMN setup_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_pin ADD COLUMN setup_expires TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,              -- UTC, fixed width, so text order is time order
    action  TEXT NOT NULL,              -- sign-in, import, settings, exit, ... (see data/audit.go)
    outcome TEXT NOT NULL,              -- ok, failed, locked, cancelled
    detail  TEXT NOT NULL DEFAULT ''    -- what, in a few words; never a PIN
);
CREATE INDEX audit_by_time ON audit_log (at);
