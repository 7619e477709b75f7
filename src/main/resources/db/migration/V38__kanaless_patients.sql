-- Patients without a kana name (issue 38). Pharmacies' JAHIS files often leave 氏名カナ empty; such a patient can now be
-- matched by its kanji name, sex and birth date, registered as a person by an operator, and found later by a patient
-- with kana from another source. Two blocking keys make it possible (identity.matching.BlockingKeys):
--   B<YYYYMMDD><M|F|O|U>  every person: a query without kana asks for the persons born that day of that sex;
--   L<YYYYMMDD><M|F|O|U>  a person without kana: every query asks for it (a tiny block).
-- Persons stored before get their B key here (none of them lacks kana: a kana name was required until now).
INSERT INTO person_match_key (key, person_id)
SELECT 'B' || to_char(p.birth_date, 'YYYYMMDD') || left(p.sex, 1), p.id
FROM person p
WHERE EXISTS (SELECT 1 FROM person_match_key k WHERE k.person_id = p.id)
ON CONFLICT DO NOTHING;

-- A review closed because its patient was matched again (new demographics, or a person that can now be its match).
ALTER TABLE match_review DROP CONSTRAINT match_review_status_check;
ALTER TABLE match_review ADD CONSTRAINT match_review_status_check
    CHECK (status IN ('OPEN', 'LINKED', 'NEW_PERSON', 'DISMISSED', 'REMATCHED'));
