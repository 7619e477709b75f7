-- Participation fees and invoices (issue 45, secretariat.fees). The network's invoicing settings (one row: the issuer
-- of the 適格請求書 with its 登録番号, bank details, payment terms), the fee rules the operator sets, versioned by the month
-- they take effect (the rules of a month are the newest saved row whose effective_month is on or before it), and the
-- invoices of the monthly runs. An invoice is never edited: a correction is a new invoice naming the one it replaces
-- (replaces_id, reason), and the replaced one only moves to status REPLACED; paid_on is the one thing set later. The
-- issuer and the addressee are copied into the invoice, so a later change of the settings or of a facility's name
-- leaves issued invoices as they were sent. Nothing here is about a patient.
CREATE TABLE invoicing_settings (
    id                  integer     PRIMARY KEY CHECK (id = 1),
    issuer_name         text        NOT NULL CHECK (length(issuer_name) BETWEEN 1 AND 200),
    issuer_address      text        NOT NULL CHECK (length(issuer_address) <= 400),
    registration_number text        NOT NULL CHECK (registration_number ~ '^T[0-9]{13}$'),
    bank_details        text        NOT NULL CHECK (length(bank_details) <= 1000),
    payment_days        integer     NOT NULL CHECK (payment_days BETWEEN 0 AND 365),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fee_rule (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    effective_month date        NOT NULL CHECK (extract(day FROM effective_month) = 1),
    rules_json      text        NOT NULL,
    created_by      bigint,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fee_rule_month ON fee_rule (effective_month, id);

-- The last number given in a year (invoice numbers are sequential per year of the invoiced month: 2026-0001, …).
CREATE TABLE invoice_counter (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

CREATE TABLE invoice (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number              text        NOT NULL UNIQUE,
    month               date        NOT NULL CHECK (extract(day FROM month) = 1),
    facility_id         bigint      NOT NULL REFERENCES facility (id),
    facility_name       text        NOT NULL,
    facility_address    text        NOT NULL,
    issued_on           date        NOT NULL,
    due_on              date        NOT NULL,
    issuer_name         text        NOT NULL,
    issuer_address      text        NOT NULL,
    registration_number text        NOT NULL,
    bank_details        text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('ISSUED', 'REPLACED')),
    replaces_id         bigint      REFERENCES invoice (id),
    reason              text,
    rule_id             bigint      REFERENCES fee_rule (id),
    paid_on             date,
    created_by          bigint,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (replaces_id IS NULL OR reason IS NOT NULL)
);
-- At most one issued (not replaced) invoice per facility and month: a rerun finds it instead of making another.
CREATE UNIQUE INDEX invoice_current ON invoice (month, facility_id) WHERE status = 'ISSUED';
CREATE INDEX invoice_month ON invoice (month, id);

CREATE TABLE invoice_line (
    invoice_id bigint  NOT NULL REFERENCES invoice (id),
    position   integer NOT NULL,
    code       text    NOT NULL,
    item       text    NOT NULL,
    amount     bigint  NOT NULL,
    tax_rate   integer NOT NULL CHECK (tax_rate IN (0, 8, 10)),
    PRIMARY KEY (invoice_id, position)
);

GRANT SELECT, INSERT, UPDATE ON invoicing_settings TO ${app_role};
GRANT SELECT, INSERT ON fee_rule TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON invoice_counter TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON invoice TO ${app_role};
GRANT SELECT, INSERT ON invoice_line TO ${app_role};
