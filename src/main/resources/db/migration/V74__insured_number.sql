-- The insured-person number (被保険者個人識別子: 保険者番号・記号・番号・枝番) of a facility's source patient, kept only as
-- keyed hashes (HMAC under a key derived from the operator's secret key, identity.matching.InsuredKeys), used only by
-- 名寄せ: card_hash of insurer, 記号 and 番号 (shared by the family members on one card), member_hash of these and the
-- 枝番 (NULL when the facility sent none). One row per source patient: the number its facility sent last.
CREATE TABLE source_patient_insured (
    source_patient_id bigint      PRIMARY KEY REFERENCES source_patient (id),
    card_hash         text        NOT NULL CHECK (length(card_hash) BETWEEN 16 AND 100),
    member_hash       text        CHECK (length(member_hash) BETWEEN 16 AND 100),
    received_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX source_patient_insured_card ON source_patient_insured (card_hash);

GRANT SELECT, INSERT, UPDATE ON source_patient_insured TO ${app_role};
