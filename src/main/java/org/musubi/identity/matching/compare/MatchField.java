package org.musubi.identity.matching.compare;

/**
 * The fields a match is scored on. A name is one field of kanji and kana together: they are two
 * spellings of the same fact, and scoring them separately would count it twice.
 */
public enum MatchField {
    FAMILY_NAME,
    GIVEN_NAME,
    BIRTH_DATE,
    SEX,
    PHONE,
    POSTAL_CODE,
    ADDRESS,
    /** The insured-person number (保険者番号・記号・番号・枝番), compared by its keyed hashes ({@code InsuredKeys}). */
    INSURED_NUMBER
}
