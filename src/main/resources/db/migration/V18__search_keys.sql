-- The search index moves into the resource row. Each token (category, code, status, identifier) was a row of
-- resource_token with three B-tree indexes, and each date range a row of resource_date with two: storing a
-- resource cost PostgreSQL about 6 µs a token and 4 µs a date besides the resource itself (bench/README.md).
-- Now a resource's tokens are 64-bit keys in search_keys, all under one GIN index, and its date ranges two
-- arrays read with the row (a search is always within a person's resources, so it finds them by
-- (patient_key, type) or by a key and checks the dates on the row).
--
-- A key is the first 8 bytes of the SHA-256 of: scope, type, param, system, code, separated by U+001F, where the
-- scope is 'p' and the patient key ('f' and the sending facility for identifiers, which are also looked up
-- across patients), and the system is '*' for any system or '=' and the system (a token with a system gets
-- both keys). The application makes the same keys (org.musubi.record.jdbc.SearchKeys).
--
-- resource_id becomes a hash index: ids are random (UUIDs) and only ever asked for equality, and under a full-size
-- import a hash index cost PostgreSQL 20-25 µs a message less than the B-tree did. A hash index finds rows to be
-- rechecked, so ids are asked one by one (JOIN unnest(ids)), never as id = ANY(list): that would recheck each row
-- found against the whole list.

ALTER TABLE resource
    ADD COLUMN search_keys bigint[]      NOT NULL DEFAULT '{}',
    ADD COLUMN date_low    timestamptz[] NOT NULL DEFAULT '{}',
    ADD COLUMN date_high   timestamptz[] NOT NULL DEFAULT '{}';

COMMENT ON COLUMN resource.search_keys IS 'The keys of the resource''s search tokens (see migration V18 and SearchKeys).';
COMMENT ON COLUMN resource.date_low IS 'The start of each of the resource''s date ranges (null: open), paired with date_high.';
COMMENT ON COLUMN resource.date_high IS 'The end (exclusive) of each of the resource''s date ranges (null: open).';

CREATE TEMPORARY TABLE search_migrated ON COMMIT DROP AS
WITH keys AS (
    SELECT t.patient_key, t.id, array_agg(DISTINCT ('x' || encode(substr(sha256(convert_to(
               CASE WHEN t.param = 'identifier' THEN 'f' || r.source_facility ELSE 'p' || t.patient_key END
               || chr(31) || t.type || chr(31) || t.param || chr(31) || s.system || chr(31) || t.code,
               'UTF8')), 1, 8), 'hex'))::bit(64)::bigint) AS search_keys
    FROM resource_token t
    JOIN resource r ON r.patient_key = t.patient_key AND r.id = t.id
    CROSS JOIN LATERAL (SELECT '*' UNION ALL SELECT '=' || t.system WHERE t.system IS NOT NULL) AS s(system)
    GROUP BY t.patient_key, t.id
), dates AS (
    SELECT patient_key, id, array_agg(low ORDER BY low, high) AS date_low, array_agg(high ORDER BY low, high) AS date_high
    FROM resource_date
    WHERE param = 'date'
    GROUP BY patient_key, id
)
SELECT coalesce(k.patient_key, d.patient_key) AS patient_key, coalesce(k.id, d.id) AS id,
       coalesce(k.search_keys, '{}') AS search_keys, coalesce(d.date_low, '{}') AS date_low,
       coalesce(d.date_high, '{}') AS date_high
FROM keys k FULL JOIN dates d ON d.patient_key = k.patient_key AND d.id = k.id;

UPDATE resource r SET search_keys = m.search_keys, date_low = m.date_low, date_high = m.date_high
FROM search_migrated m
WHERE r.patient_key = m.patient_key AND r.id = m.id;

-- New keys wait in the index's pending list until it holds 1 MB (PostgreSQL's default is 4 MB) and are then
-- merged in one pass; a search reads the pending list whole, so it is kept small (the merges cost 4 % more).
CREATE INDEX resource_search ON resource USING gin (search_keys) WITH (gin_pending_list_limit = 1024);

DROP TABLE resource_token;
DROP TABLE resource_date;

DROP INDEX resource_id;
CREATE INDEX resource_id ON resource USING hash (id);
