-- Daily infection surveillance (issue 48): counts per facility, day and syndrome, as the facility reported them on
-- the one-minute form and as derived from diagnoses; the syndromes with their code lists and alert settings are data.
-- Counts only: no row names a patient.

CREATE TABLE surveillance_syndrome (
    code          text     PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_ja       text     NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 100),
    name_en       text     NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    -- ICD-10 codes or prefixes (J10, J11 …) and 傷病名マスター codes whose diagnoses count towards the syndrome
    icd10         text[]   NOT NULL DEFAULT ARRAY[]::text[],
    disease_codes text[]   NOT NULL DEFAULT ARRAY[]::text[],
    -- the alert: a day's count in a municipality above max(mean + k·SD of the same weekday over 8 weeks, min_count)
    k             numeric(4, 2) NOT NULL DEFAULT 2.00 CHECK (k > 0 AND k <= 10),
    min_count     integer  NOT NULL DEFAULT 5 CHECK (min_count >= 1),
    sort_order    integer  NOT NULL
);

INSERT INTO surveillance_syndrome (code, name_ja, name_en, icd10, disease_codes, k, min_count, sort_order) VALUES
    ('FEVER_RESPIRATORY', '発熱・呼吸器症状', 'Fever with respiratory symptoms',
        ARRAY['J00', 'J02', 'J03', 'J04', 'J06', 'J18', 'J20', 'J22', 'R50'], ARRAY[]::text[], 2.00, 5, 1),
    ('GASTROENTERITIS', '感染性胃腸炎', 'Gastroenteritis',
        ARRAY['A00', 'A01', 'A02', 'A03', 'A04', 'A05', 'A08', 'A09'], ARRAY[]::text[], 2.00, 5, 2),
    ('RASH', '発疹', 'Rash illness',
        ARRAY['B01', 'B05', 'B06', 'B08.4', 'B09', 'R21'], ARRAY[]::text[], 2.00, 3, 3),
    ('INFLUENZA_LIKE', 'インフルエンザ様疾患', 'Influenza-like illness',
        ARRAY['J09', 'J10', 'J11'], ARRAY[]::text[], 2.00, 5, 4),
    ('COVID19', '新型コロナウイルス感染症', 'COVID-19',
        ARRAY['U07.1', 'U07.2'], ARRAY[]::text[], 2.00, 5, 5);

-- One row per facility, day and syndrome. reported: what the facility entered (NULL: nothing entered for that day);
-- derived: diagnoses counted from stored Conditions. The day's count is reported when entered, else derived.
CREATE TABLE surveillance_count (
    facility_id bigint   NOT NULL REFERENCES facility (id),
    day         date     NOT NULL,
    syndrome    text     NOT NULL REFERENCES surveillance_syndrome (code),
    reported    integer  CHECK (reported IS NULL OR reported BETWEEN 0 AND 9999),
    derived     integer  NOT NULL DEFAULT 0 CHECK (derived >= 0),
    reported_by bigint,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (facility_id, day, syndrome)
);
CREATE INDEX surveillance_count_day ON surveillance_count (day);

GRANT SELECT, INSERT, UPDATE ON surveillance_syndrome TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON surveillance_count TO ${app_role};
