-- Disclosures (issue 68 step 1): what another party was let see of a person's record — a letter's addressee, a
-- consultation's specialist, a reading centre, the recipients of a Box file, the facility a municipal document was sent
-- to — one row per thing a wing made, written by the policy's Disclose use case in the wing's own transaction. The
-- record's read and answer doors take a disclosure's id and decide on this row (policy.Disclosure,
-- AccessPolicy.decideDisclosed); a disclosure never grants standing (design rule 4).
--
-- kind: policy.DisclosureKind. from_patient_id: the source patient it was made from (its rows are under it), null when
-- the kind reaches no patient (FILE, DOCUMENT). from_facility_id: the facility that made it (null: a Box file sent by a
-- user of no facility). to_facility_id: the facility it was made to (null: whoever the sender chose, a Box file).
-- to_user_id: the one user of that facility it was made to, when named. readers: the professions it is meant for
-- (registry.Profession names; empty but for DOCUMENT). purpose, until: what the wing has of them (a letter's or a
-- document's kind; a Box file's expiry), null otherwise. source: the wing's row it was made for ('letter:<id>',
-- 'consultation:<id>', 'reading-request:<id>', 'programme-entry:<id>', 'box-file:<id>', 'municipal-document:<id>'
-- and 'municipal-document:<id>:sender', the document as its sender's facility reads it back), unique: the wing finds
-- its disclosure by it. Rows are never changed; a wing's row deleted (a Box file swept) leaves its disclosure as a
-- fact of the past.
CREATE TABLE disclosure (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text        NOT NULL CHECK (kind IN ('LETTER', 'CONSULTATION', 'READING', 'FILE', 'DOCUMENT')),
    person_id        bigint      NOT NULL,
    from_patient_id  bigint,
    from_facility_id bigint,
    to_facility_id   bigint,
    to_user_id       bigint,
    readers          text[]      NOT NULL DEFAULT '{}',
    purpose          text,
    until            timestamptz,
    source           text        NOT NULL UNIQUE CHECK (length(source) BETWEEN 1 AND 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((from_patient_id IS NULL) = (kind IN ('FILE', 'DOCUMENT')))
);
CREATE INDEX disclosure_person ON disclosure (person_id);
GRANT SELECT, INSERT ON disclosure TO ${app_role};

-- Every letter, consultation thread, reading request, programme entry, Box file about a person and municipal document
-- made before this migration gets the disclosure its wing now writes when it makes one, as the wing built it until now.
INSERT INTO disclosure (kind, person_id, from_patient_id, from_facility_id, to_facility_id, purpose, source, created_at)
SELECT 'LETTER', person_id, patient_key, sender_facility, addressee_facility, kind, 'letter:' || id, sent_at
FROM letter ORDER BY sent_at, id;

INSERT INTO disclosure (kind, person_id, from_patient_id, from_facility_id, to_facility_id, source, created_at)
SELECT 'CONSULTATION', person_id, patient_key, asking_facility, addressee_facility, 'consultation:' || id, created_at
FROM consult_thread ORDER BY created_at, id;

INSERT INTO disclosure (kind, person_id, from_patient_id, from_facility_id, to_facility_id, source, created_at)
SELECT 'READING', person_id, requester_patient_id, requester_facility, centre_facility, 'reading-request:' || id,
       requested_at
FROM reading_request ORDER BY id;

INSERT INTO disclosure (kind, person_id, from_patient_id, from_facility_id, to_facility_id, purpose, source,
                        created_at)
SELECT 'READING', d.person_id, d.submitter_patient_id, d.submitter_facility, p.centre_facility, p.kind,
       'programme-entry:' || d.id, d.submitted_at
FROM reading_double d JOIN reading_programme p ON p.id = d.programme_id ORDER BY d.id;

INSERT INTO disclosure (kind, person_id, from_facility_id, until, source, created_at)
SELECT 'FILE', person_id, sender_facility, expires_at, 'box-file:' || id, uploaded_at
FROM box_file WHERE person_id IS NOT NULL ORDER BY uploaded_at, id;

-- A municipal document's readers are its kind's (carenet.municipal.DocumentKind): at the facility it was sent to, and
-- at its sender's facility, which reads it back (an opinion's answer, the hospital's own copy of a discharge sheet).
INSERT INTO disclosure (kind, person_id, from_facility_id, to_facility_id, to_user_id, readers, purpose, source,
                        created_at)
SELECT 'DOCUMENT', person_id, from_facility, to_facility, to_user,
       CASE kind WHEN 'OPINION' THEN ARRAY['DOCTOR'] ELSE ARRAY['CARE_MANAGER'] END, kind,
       'municipal-document:' || id, created_at
FROM municipal_document ORDER BY created_at, id;

INSERT INTO disclosure (kind, person_id, from_facility_id, to_facility_id, readers, purpose, source, created_at)
SELECT 'DOCUMENT', person_id, from_facility, from_facility,
       CASE kind WHEN 'OPINION' THEN ARRAY['MUNICIPAL_STAFF', 'PUBLIC_HEALTH_NURSE']
                 ELSE ARRAY['DOCTOR', 'NURSE', 'PUBLIC_HEALTH_NURSE', 'MEDICAL_CLERK'] END, kind,
       'municipal-document:' || id || ':sender', created_at
FROM municipal_document ORDER BY created_at, id;
