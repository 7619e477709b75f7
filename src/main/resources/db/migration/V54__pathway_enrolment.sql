-- Regional clinical pathways (issue 44): a patient's enrolment in a pathway and its stages. The enrolment keeps the
-- template's code AND version it was made under (an operator's later edit applies to new enrolments only). Each stage
-- row is one stage of that version: the facility assigned to fill it (chosen at enrolment or by the previous stage's
-- filler; null: any facility of the stage's kinds with standing), when it falls due, and once filled who filled it and
-- the QuestionnaireResponse stored in the record (the form's content lives in the record, not here).
CREATE TABLE pathway_enrolment (
    id               UUID PRIMARY KEY,
    person_id        BIGINT NOT NULL,
    template_code    TEXT NOT NULL,
    template_version TEXT NOT NULL,
    facility_id      BIGINT NOT NULL,
    enrolled_by      BIGINT NOT NULL,
    enrolled_at      TIMESTAMPTZ NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'COMPLETED', 'WITHDRAWN')),
    ended_at         TIMESTAMPTZ,
    ended_by         BIGINT
);
CREATE INDEX pathway_enrolment_person ON pathway_enrolment (person_id);
CREATE INDEX pathway_enrolment_facility ON pathway_enrolment (facility_id, enrolled_at DESC);
CREATE INDEX pathway_enrolment_template ON pathway_enrolment (template_code, status);

CREATE TABLE pathway_stage (
    enrolment_id         UUID NOT NULL REFERENCES pathway_enrolment (id),
    position             INT NOT NULL,
    stage_code           TEXT NOT NULL,
    person_id            BIGINT NOT NULL,
    assigned_facility_id BIGINT,
    due_on               DATE NOT NULL,
    filled_at            TIMESTAMPTZ,
    filled_by            BIGINT,
    filled_facility_id   BIGINT,
    response_id          TEXT,
    PRIMARY KEY (enrolment_id, position)
);
CREATE INDEX pathway_stage_assigned ON pathway_stage (assigned_facility_id, due_on) WHERE filled_at IS NULL;
CREATE INDEX pathway_stage_assigned_all ON pathway_stage (assigned_facility_id, enrolment_id);

GRANT SELECT, INSERT, UPDATE ON pathway_enrolment, pathway_stage TO ${app_role};
