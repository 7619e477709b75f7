-- The JP-CLINS flags (issue 42): a resource whose meta.tag carries 未告知 (UNINFORMED) or 未提供 (UNDELIVERED) of
-- http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication (or the code without a system) holds the flag
-- besides its category, as a container holds its contents' categories (V21); a container holds the flags of every
-- resource inside it. org.musubi.record.fhir.ContentCategories computes this for every write from now on; this
-- migration does it for the rows stored before, so that what was flagged is hidden from the patient's side
-- (UNINFORMED) and from every other facility (UNDELIVERED) from the first start on. Only rows whose text names a
-- flag are parsed. FHIR content inline in a base64 attachment is out of reach of SQL: such rows (none are known) keep
-- what they held until they are sent again.

CREATE FUNCTION pg_temp.with_flag(held text[], content text, code text) RETURNS text[] LANGUAGE sql AS $$
    SELECT CASE
        WHEN content LIKE '%' || code || '%'
             AND content::jsonb @? ('$.**.meta.tag[*] ? (@.code == "' || code || '" && (!(exists(@.system))'
                 || ' || @.system == "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication"))')::jsonpath
             AND NOT (coalesce(held, '{}') @> ARRAY[code])
        THEN coalesce(held, '{}') || code
        ELSE held
    END
$$;

UPDATE resource
   SET content_categories = pg_temp.with_flag(pg_temp.with_flag(content_categories, content, 'UNINFORMED'),
                                              content, 'UNDELIVERED')
 WHERE content LIKE '%UNINFORMED%' OR content LIKE '%UNDELIVERED%';

UPDATE resource_version
   SET content_categories = pg_temp.with_flag(pg_temp.with_flag(content_categories, content, 'UNINFORMED'),
                                              content, 'UNDELIVERED')
 WHERE content LIKE '%UNINFORMED%' OR content LIKE '%UNDELIVERED%';
