-- The catalogue: villages, products and tours, their texts in every language,
-- their photos, and the pack they came from. A whole pack replaces all of it
-- in one transaction.

CREATE TABLE pack (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    format      INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    created     TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    centre_id   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE villages (
    id              TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    commune         TEXT NOT NULL,
    former_district TEXT NOT NULL,
    lat             REAL NOT NULL,
    lng             REAL NOT NULL
);

CREATE TABLE products (
    id            TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    village_id    TEXT NOT NULL REFERENCES villages (id),
    producer      TEXT NOT NULL,
    producer_type TEXT NOT NULL,
    ocop_group    INTEGER NOT NULL CHECK (ocop_group BETWEEN 1 AND 6),
    stars         INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
    decision_no   TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    valid_until   TEXT NOT NULL,
    price_min     INTEGER NOT NULL CHECK (price_min >= 0),
    price_max     INTEGER NOT NULL CHECK (price_max >= price_min),
    purchase_url  TEXT NOT NULL,
    bank_bin      TEXT NOT NULL,
    bank_account  TEXT NOT NULL,
    bank_name     TEXT NOT NULL,
    featured      INTEGER NOT NULL
);
CREATE INDEX products_by_position ON products (position);
CREATE INDEX products_by_village ON products (village_id, position);
CREATE INDEX products_by_group ON products (ocop_group, stars, position);
CREATE INDEX products_by_stars ON products (stars, position);
CREATE INDEX products_featured ON products (featured, position);

CREATE TABLE tours (
    id               TEXT PRIMARY KEY,
    position         INTEGER NOT NULL,
    village_id       TEXT NOT NULL REFERENCES villages (id),
    duration_minutes INTEGER NOT NULL,
    price_vnd        INTEGER NOT NULL CHECK (price_vnd >= 0),
    min_group        INTEGER NOT NULL,
    max_group        INTEGER NOT NULL CHECK (max_group >= min_group),
    guide_languages  TEXT NOT NULL,
    signup_url       TEXT NOT NULL
);
CREATE INDEX tours_by_village ON tours (village_id, position);

-- Every visitor-facing text, one row per item, field and language.
CREATE TABLE texts (
    kind    TEXT NOT NULL,
    item_id TEXT NOT NULL,
    field   TEXT NOT NULL,
    lang    TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (kind, item_id, field, lang)
) WITHOUT ROWID;

-- Photos by content hash; the files live in the media folder beside the database.
CREATE TABLE images (
    hash   TEXT PRIMARY KEY,
    width  INTEGER NOT NULL,
    height INTEGER NOT NULL
);

CREATE TABLE item_images (
    kind     TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    position INTEGER NOT NULL,
    hash     TEXT NOT NULL REFERENCES images (hash),
    source   TEXT NOT NULL,
    PRIMARY KEY (kind, item_id, position)
) WITHOUT ROWID;

-- Search: one document per item holding its folded texts in every language
-- (see fold.go). FTS4 rather than FTS5 because FTS4 is compiled into
-- go-sqlite3 without build tags, so a plain `go test ./...` works.
CREATE VIRTUAL TABLE search_index USING fts4 (name, place, body, prefix="1,2,3", tokenize=unicode61);
CREATE TABLE search_docs (
    docid   INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    item_id TEXT NOT NULL
);

-- Kiosk settings that staff change (centre, languages, timeouts...).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
