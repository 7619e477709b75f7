-- Receipt files of the レセプト電算処理システム (UKE: 医科, DPC, 調剤) are a kind of import source.

ALTER TABLE import_source DROP CONSTRAINT import_source_kind_check;
ALTER TABLE import_source ADD CONSTRAINT import_source_kind_check
    CHECK (kind IN ('SSMIX2', 'JAHIS', 'LAB_HL7', 'LAB_CSV', 'CHECKUP', 'UKE'));
