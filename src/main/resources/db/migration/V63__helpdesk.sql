-- The help desk for staff (issue 45): a staff user's question to the secretariat, with the portal page it was asked
-- from (its path only, ids masked), a category and, when the asker chose to name a patient and the access policy let
-- them open that chart, the chart key (a person's id or the facility's own patient, as the viewer's address writes it);
-- its history of messages and status changes; and the FAQ the secretariat publishes on the portal.
-- A question's id is random (ten digits, the reference the asker and the secretariat quote): nothing counts questions.
CREATE TABLE helpdesk_question (
    id            bigint      PRIMARY KEY CHECK (id BETWEEN 1000000000 AND 9999999999),
    asked_by      bigint      NOT NULL REFERENCES app_user (id),
    facility_id   bigint      REFERENCES facility (id),
    category      text        NOT NULL CHECK (category IN ('LOGIN', 'LINKING', 'IMPORTS', 'LETTERS_BOX', 'OTHER')),
    subject       text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    page          text        CHECK (page IS NULL OR length(page) BETWEEN 1 AND 200),
    patient_key   text        CHECK (patient_key IS NULL OR patient_key ~ '^(own-)?[0-9]{1,18}$'),
    status        text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')),
    unread_answer boolean     NOT NULL DEFAULT false,
    asked_at      timestamptz NOT NULL DEFAULT now(),
    changed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helpdesk_question_asker ON helpdesk_question (asked_by, asked_at DESC);
CREATE INDEX helpdesk_question_queue ON helpdesk_question (status, asked_at);

-- One event of a question: a message (the question's text, a reply, an answer) and/or the status it left behind.
CREATE TABLE helpdesk_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question_id bigint      NOT NULL REFERENCES helpdesk_question (id),
    at          timestamptz NOT NULL DEFAULT now(),
    by_user     bigint      NOT NULL REFERENCES app_user (id),
    secretariat boolean     NOT NULL,
    status      text        NOT NULL CHECK (status IN ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')),
    message     text        CHECK (message IS NULL OR length(message) BETWEEN 1 AND 4000)
);
CREATE INDEX helpdesk_event_question ON helpdesk_event (question_id, id);

-- The FAQ: written by network administrators, shown on the portal when published. seed_key names an entry the
-- demo seeded (so a second start, or a second node, seeds nothing twice and never overwrites an edit).
CREATE TABLE helpdesk_faq (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category   text        NOT NULL CHECK (category IN ('LOGIN', 'LINKING', 'IMPORTS', 'LETTERS_BOX', 'OTHER')),
    question   text        NOT NULL CHECK (length(question) BETWEEN 1 AND 300),
    answer     text        NOT NULL CHECK (length(answer) BETWEEN 1 AND 4000),
    position   integer     NOT NULL DEFAULT 100 CHECK (position BETWEEN 0 AND 100000),
    published  boolean     NOT NULL DEFAULT false,
    seed_key   text        UNIQUE,
    changed_by bigint      REFERENCES app_user (id),
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helpdesk_faq_shown ON helpdesk_faq (published, category, position);

GRANT SELECT, INSERT, UPDATE ON helpdesk_question, helpdesk_event, helpdesk_faq TO ${app_role};
