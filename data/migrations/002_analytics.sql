-- Anonymous visitor analytics (see events.go and report.go): raw events,
-- kept for a limited time, and the daily aggregates made from them, kept for
-- good. Nothing here identifies a visitor: a session is a counter the kiosk
-- increments, not a device or a person.

CREATE TABLE events (
    -- AUTOINCREMENT so that an id is never reused after pruning: the rollup
    -- below relies on new events always having higher ids.
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,    -- UTC, fixed width, so text order is time order
    day       TEXT NOT NULL,    -- YYYY-MM-DD in the kiosk's time zone when it happened
    session   INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    screen    TEXT NOT NULL DEFAULT '',
    item_kind TEXT NOT NULL DEFAULT '',
    item_id   TEXT NOT NULL DEFAULT '',
    lang      TEXT NOT NULL DEFAULT '',
    qr_kind   TEXT NOT NULL DEFAULT '',
    query     TEXT NOT NULL DEFAULT '',
    results   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_by_time ON events (at);

-- Per day, metric and key (a screen, an item id, a language, a query...):
-- how many events. extra holds a metric's second number, e.g. the result
-- count of the day's latest search for a query.
CREATE TABLE daily_stats (
    day    TEXT NOT NULL,
    metric TEXT NOT NULL,
    key    TEXT NOT NULL,
    count  INTEGER NOT NULL,
    extra  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, metric, key)
) WITHOUT ROWID;

-- How far the events have been added into daily_stats: every event with
-- id <= counted is in it, and no other.
CREATE TABLE events_rollup (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    counted INTEGER NOT NULL
);
INSERT INTO events_rollup (id, counted) VALUES (1, 0);
