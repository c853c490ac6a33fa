-- Search queries are kept only when they look like words (see
-- data.KeepQuery): forget the text of searches already recorded that hold
-- four or more digits in a row (a phone or account number), in the raw
-- events and in the daily counts, which were kept for good. The search
-- itself stays counted. SQLite's GLOB knows only ASCII digits; digits in
-- groups ("0912 345 678") are caught by the first group of four, or not at
-- all here: the Go rule applies to everything recorded from now on.
UPDATE events SET query = ''
 WHERE kind = 'search' AND query GLOB '*[0-9][0-9][0-9][0-9]*';
DELETE FROM daily_stats
 WHERE metric IN ('search', 'search_none') AND key GLOB '*[0-9][0-9][0-9][0-9]*';

-- The default allow-list used to hold all of www.google.com, whose /url and
-- /amp pages send a visitor anywhere; it now holds www.google.com/maps/,
-- which the directions codes need (see data.LinkAllowed). A stored list
-- that still has the old entry gets the new one in its place.
UPDATE settings
   SET value = (SELECT json_group_array(CASE WHEN j.value = 'www.google.com' THEN 'www.google.com/maps/' ELSE j.value END)
                  FROM json_each(settings.value) AS j)
 WHERE key = 'allowed_hosts'
   AND EXISTS (SELECT 1 FROM json_each(settings.value) AS j WHERE j.value = 'www.google.com');
