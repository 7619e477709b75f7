-- Checkup centres' 特定健診 XML files (MHLW standard form, HL7 CDA R2) are a kind of import source.

ALTER TABLE import_source DROP CONSTRAINT import_source_kind_check;
ALTER TABLE import_source ADD CONSTRAINT import_source_kind_check
    CHECK (kind IN ('SSMIX2', 'JAHIS', 'LAB_HL7', 'LAB_CSV', 'CHECKUP'));
