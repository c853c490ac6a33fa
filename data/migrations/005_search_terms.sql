-- Search moves from FTS4 into memory (see data/searchmem.go): each item's
-- search text is kept here, already folded and cut into tokens per field,
-- and the index built from it is kept whole in search_blob, which the kiosk
-- loads (see data/searchblob.go). The readings made at import
-- (kana, pinyin) live in texts as the field 'reading'; a pack's own
-- readings as 'reading_given'.
DROP TABLE search_index;
DROP TABLE search_docs;
CREATE TABLE search_terms (
    docid   INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    item_id TEXT NOT NULL,
    terms   TEXT NOT NULL
);
CREATE TABLE search_blob (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB NOT NULL
);
