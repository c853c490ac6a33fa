-- What a product tile shows (names and units in every language, and the
-- first photo), kept with the product as one JSON value: a page of 60
-- tiles then costs one query instead of three, and reads 60 rows instead of
-- several hundred. ReplaceCatalogue writes it; this fills it for a
-- catalogue imported before it existed.
ALTER TABLE products ADD COLUMN card TEXT NOT NULL DEFAULT '';

UPDATE products SET card = json_object(
    'name', json((SELECT json_group_object(lang, value) FROM texts t
                  WHERE t.kind = 'product' AND t.item_id = products.id AND t.field = 'name')),
    'unit', json((SELECT json_group_object(lang, value) FROM texts t
                  WHERE t.kind = 'product' AND t.item_id = products.id AND t.field = 'unit')),
    'images', json((SELECT json_group_array(json_object('Hash', ii.hash, 'Source', ii.source, 'Width', i.width, 'Height', i.height))
                    FROM (SELECT * FROM item_images WHERE kind = 'product' AND item_id = products.id ORDER BY position LIMIT 1) ii
                    JOIN images i ON i.hash = ii.hash)));
-- (json() keeps the inner values JSON rather than strings of JSON.)
