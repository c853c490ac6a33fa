-- The fleet (see data/fleet and docs/fleet.md): how this kiosk syncs its
-- content from the office's hub folder, what it did and why.

-- One JSON value per key: the kiosk's fleet settings and its sync state
-- (the highest pack version accepted, the packs kept for roll back).
CREATE TABLE fleet (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- What the fleet sync did: packs applied, refused, rolled back, and by whom.
CREATE TABLE fleet_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,            -- UTC, RFC 3339
    action  TEXT NOT NULL,            -- applied, refused, rollback
    pack_id TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0,
    detail  TEXT NOT NULL DEFAULT ''
);
