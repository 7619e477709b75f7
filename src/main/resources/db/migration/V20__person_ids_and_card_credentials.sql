-- A card number is a credential, not an identifier (issue 21).
--
-- Until now a person's regional ID was the number printed on the person's regional card, and the person's
-- database id (a sequential number) was the id the FHIR API and the portal showed. Both told an outsider too
-- much: the regional ID was handed out by PIXm and page headers, and with it and the kana name and birth date a
-- facility could link the person without the card; the sequential id let anyone walk through the persons.
--
-- From now on:
--  * each person has one opaque, random id: a fresh 16-digit number (15 random digits and a Luhn check digit),
--    stored as regional_id and as the numeric id (id = regional_id), never a card number;
--  * card numbers live only in the card table; a regional card gets a number of its own when issued;
--  * a card carries a check code (printed on the card and in its QR code) that only the card's holder has;
--    linking a person to a facility needs it, and failed attempts are counted per card and per user.
--
-- Existing persons get their new id here. The former ones stay in former_id / former_regional_id so that audit
-- rows written before this migration (which name persons by them) can still be found. Existing cards keep their
-- numbers (which were the former regional IDs) but have no check code: they cannot be used to link until the
-- operator reissues them (docs/upgrading.md).

CREATE FUNCTION musubi_v20_luhn(payload text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    total integer := 0;
    digit integer;
    double_it boolean := true;
BEGIN
    FOR i IN REVERSE length(payload)..1 LOOP
        digit := substr(payload, i, 1)::integer;
        IF double_it THEN
            digit := digit * 2;
            IF digit > 9 THEN
                digit := digit - 9;
            END IF;
        END IF;
        total := total + digit;
        double_it := NOT double_it;
    END LOOP;
    RETURN payload || ((10 - total % 10) % 10)::text;
END $$;

-- 15 digits from a strong random source (gen_random_uuid), the first never 0, then the check digit.
CREATE FUNCTION musubi_v20_random_regional_id() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT musubi_v20_luhn((100000000000000
        + ('x' || substr(md5(gen_random_uuid()::text), 1, 15))::bit(60)::bigint % 900000000000000)::text)
$$;

CREATE TEMP TABLE person_renumber (
    old_id       bigint PRIMARY KEY,
    new_regional char(16) UNIQUE
) ON COMMIT DROP;

-- Draw until every person has a new id that no person and no card number has (collisions are rare but possible
-- among millions).
DO $$
BEGIN
    LOOP
        INSERT INTO person_renumber (old_id, new_regional)
        SELECT p.id, musubi_v20_random_regional_id() FROM person p
        WHERE NOT EXISTS (SELECT 1 FROM person_renumber r WHERE r.old_id = p.id)
        ON CONFLICT DO NOTHING;
        DELETE FROM person_renumber r WHERE EXISTS (SELECT 1 FROM card c WHERE c.number = r.new_regional)
            OR EXISTS (SELECT 1 FROM person p WHERE p.regional_id = r.new_regional);
        EXIT WHEN (SELECT count(*) FROM person_renumber) = (SELECT count(*) FROM person);
    END LOOP;
END $$;

ALTER TABLE person ADD COLUMN former_id bigint, ADD COLUMN former_regional_id char(16);
ALTER TABLE person ALTER COLUMN id DROP IDENTITY;

-- Every foreign key to person is dropped for the renumbering and added back as it was.
CREATE TEMP TABLE person_references (tbl regclass, name text, definition text) ON COMMIT DROP;
INSERT INTO person_references
SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE contype = 'f' AND confrelid = 'person'::regclass;
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM person_references LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.name);
    END LOOP;
END $$;

ALTER TABLE identity_event DISABLE TRIGGER identity_event_no_update_delete;

UPDATE person p SET former_id = p.id, former_regional_id = p.regional_id, id = r.new_regional::bigint,
    regional_id = r.new_regional
FROM person_renumber r WHERE r.old_id = p.id;
UPDATE person p SET merged_into = r.new_regional::bigint FROM person_renumber r WHERE p.merged_into = r.old_id;
UPDATE person_link t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE identity_event t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE identity_event t SET other_person_id = r.new_regional::bigint FROM person_renumber r
WHERE t.other_person_id = r.old_id;
UPDATE consent t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE patient_link t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE facility_block t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE emergency_access t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE card t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE person_match_key t SET person_id = r.new_regional::bigint FROM person_renumber r WHERE t.person_id = r.old_id;
UPDATE match_review t SET decided_person_id = r.new_regional::bigint FROM person_renumber r
WHERE t.decided_person_id = r.old_id;
UPDATE match_review_candidate t SET person_id = r.new_regional::bigint FROM person_renumber r
WHERE t.person_id = r.old_id;

ALTER TABLE identity_event ENABLE TRIGGER identity_event_no_update_delete;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM person_references LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tbl, r.name, r.definition);
    END LOOP;
END $$;

DROP FUNCTION musubi_v20_random_regional_id();
DROP FUNCTION musubi_v20_luhn(text);

ALTER TABLE person ADD CONSTRAINT person_id_is_regional_id CHECK (id = regional_id::bigint);
CREATE INDEX person_former_regional_id ON person (former_regional_id) WHERE former_regional_id IS NOT NULL;
COMMENT ON COLUMN person.id IS 'The person''s opaque id: the numeric value of regional_id, random, never a card number.';
COMMENT ON COLUMN person.regional_id IS 'The person''s opaque id as 16 digits (Luhn); not printed on any card.';
COMMENT ON COLUMN person.former_id IS 'The id before migration V20 (audit rows written before it name the person by it).';
COMMENT ON COLUMN person.former_regional_id IS 'The regional ID before migration V20: also the number of the person''s '
    'regional card issued before it; audit rows written before it name the person by it.';

-- The card's check code, as an argon2id hash; NULL for cards issued before this migration (not usable to link).
ALTER TABLE card ADD COLUMN check_hash text;
COMMENT ON COLUMN card.check_hash IS 'argon2id hash of the check code printed on the card and in its QR code.';

-- Refused attempts that must not be repeated without limit, counted to throttle guessing: linking a person by card
-- with a wrong number, check code, kana name or birth date (kind LINK, key the card number as typed), and an
-- emergency look-up that found no one to open (kind EMERGENCY_LOOKUP).
CREATE TABLE refused_attempt (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('LINK', 'EMERGENCY_LOOKUP')),
    key          text,
    user_id      bigint      NOT NULL REFERENCES app_user (id),
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refused_attempt_key ON refused_attempt (kind, key, attempted_at) WHERE key IS NOT NULL;
CREATE INDEX refused_attempt_user ON refused_attempt (kind, user_id, attempted_at);
GRANT SELECT, INSERT ON refused_attempt TO ${app_role};

