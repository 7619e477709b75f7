package org.musubi.ingest.lab;

import java.util.Locale;

/** The columns of Musubi's lab CSV layout ({@code docs/lab-csv.md}), by header name; order is free. */
enum CsvColumn {
    PATIENT_ID(true), NAME_KANJI(false), NAME_KANA(false), BIRTH_DATE(false), SEX(false),
    ORDER_NO(true), LAB_ORDER_NO(false), COLLECTED_AT(true), REPORTED_AT(false),
    SPECIMEN_CODE(false), SPECIMEN_NAME(false), JLAC10(false), LOCAL_CODE(false), TEST_NAME(true),
    VALUE(true), UNIT(false), REF_LOW(false), REF_HIGH(false), REF_TEXT(false), ABNORMAL_FLAG(false),
    STATUS(false), COMMENT(false);

    private final boolean required;

    CsvColumn(boolean required) {
        this.required = required;
    }

    boolean required() {
        return required;
    }

    /** The header name, e.g. {@code patient_id}. */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
